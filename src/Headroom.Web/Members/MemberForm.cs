using System.Globalization;
using Headroom.Organizations;
using Headroom.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Headroom.Web.Members;

// The member form as posted: lists are text (skills one a line as "name: level", territories and
// languages separated by commas), turned into a MemberRequest with errors named like the API's.
public sealed class MemberForm
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public MemberRole Role { get; set; } = MemberRole.Rep;
    public string? TeamId { get; set; }
    public string? Title { get; set; }
    public string? HireDate { get; set; }
    public string? WeeklyCapacityHours { get; set; }
    public string? Skills { get; set; }
    public string? Territories { get; set; }
    public string? Languages { get; set; }
    public long Version { get; set; }

    public static MemberForm From(MemberResponse member) => new()
    {
        Name = member.Name,
        Email = member.Email,
        Role = member.Role,
        TeamId = member.TeamId?.ToString(CultureInfo.InvariantCulture),
        Title = member.Title,
        HireDate = member.HireDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        WeeklyCapacityHours = member.WeeklyCapacityHours.ToString(CultureInfo.InvariantCulture),
        Skills = string.Join("\n", member.Skills.Select(s => $"{s.Skill}: {s.Level}")),
        Territories = string.Join(", ", member.Territories),
        Languages = string.Join(", ", member.Languages),
        Version = member.Version,
    };

    // Admin-only fields are sent only when the form showed them (adminFields), so a manager's
    // form never touches them.
    public MemberRequest ToRequest(bool adminFields, IStringLocalizer<Strings> l, Dictionary<string, string> errors)
    {
        DateOnly? hired = null;
        if (!string.IsNullOrWhiteSpace(HireDate))
        {
            if (DateOnly.TryParseExact(HireDate.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                hired = date;
            }
            else
            {
                errors["hireDate"] = l["Validation.Date"];
            }
        }
        double? capacity = null;
        if (!string.IsNullOrWhiteSpace(WeeklyCapacityHours))
        {
            var text = WeeklyCapacityHours.Trim();
            if (double.TryParse(text, NumberStyles.Number, CultureInfo.CurrentCulture, out var hours)
                || double.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out hours))
            {
                capacity = hours;
            }
            else
            {
                errors["weeklyCapacityHours"] = l["Validation.Number"];
            }
        }
        var skills = new List<SkillLevel>();
        foreach (var line in (Skills ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = line.LastIndexOfAny([':', '：']);
            if (separator <= 0 || !int.TryParse(line[(separator + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var level))
            {
                errors["skills"] = l["Validation.SkillFormat"];
                break;
            }
            skills.Add(new SkillLevel(line[..separator].Trim(), level));
        }
        long? teamId = long.TryParse(TeamId, NumberStyles.None, CultureInfo.InvariantCulture, out var team) ? team : null;
        return new MemberRequest(
            adminFields ? Name ?? "" : null, adminFields ? Email ?? "" : null, adminFields ? Role : null, teamId,
            adminFields ? Title ?? "" : null, hired, capacity, skills, SplitList(Territories), SplitList(Languages), Version);
    }

    private static List<string> SplitList(string? text) =>
        (text ?? "").Split([',', '，', '、', ';', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
}
