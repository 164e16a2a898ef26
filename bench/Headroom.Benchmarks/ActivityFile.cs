using System.Globalization;
using System.Text;

namespace Headroom.Benchmarks;

// Writes a realistic, deterministic activities CSV in Headroom's own column layout, and the
// members file it refers to.
public static class ActivityFile
{
    private static readonly string[] Types = ["Call", "Email", "Meeting", "Visit", "Demo"];
    private static readonly string[] Outcomes = ["Completed", "Completed", "Completed", "NoAnswer", "Planned"];
    private static readonly string[] Notes =
    [
        "客户对报价有疑问，约下周再谈",
        "Discussed renewal timeline and pricing",
        "拜访采购部，确认需求清单",
        "",
        "Left voicemail",
        "演示了新版报表功能，客户反馈积极",
    ];

    public static void WriteMembers(string path, int members)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.WriteLine("ExternalId,Name,Email,Role,WeeklyCapacityHours");
        for (var m = 0; m < members; m++)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"M{m:D5},Rep {m},rep{m}@bench.example,Rep,40"));
        }
    }

    public static void WriteActivities(string path, int rows, int members, int seed = 42)
    {
        var random = new Random(seed);
        var origin = new DateTime(2025, 12, 1, 0, 0, 0, DateTimeKind.Unspecified);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.WriteLine("ExternalId,Type,Member,Start,DurationMinutes,Outcome,Notes");
        var line = new StringBuilder(160);
        for (var i = 0; i < rows; i++)
        {
            var start = origin.AddMinutes(random.Next(0, 365 * 24 * 60));
            line.Clear()
                .Append('A').Append(i.ToString("D8", CultureInfo.InvariantCulture)).Append(',')
                .Append(Types[random.Next(Types.Length)]).Append(',')
                .Append("rep").Append(random.Next(members).ToString(CultureInfo.InvariantCulture)).Append("@bench.example,")
                .Append(start.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Append(',')
                .Append(random.Next(5, 120).ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(Outcomes[random.Next(Outcomes.Length)]).Append(',')
                .Append(Notes[random.Next(Notes.Length)]);
            writer.WriteLine(line);
        }
    }
}
