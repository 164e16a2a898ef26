using Headroom.Importing;
using Headroom.Organizations;
using MiniExcelLibs;

namespace Headroom.Tests.Importing;

public sealed class CalendarFileTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("headroom-calendar-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        return path;
    }

    [Fact]
    public void ShippedChinaCalendar_ReadsBackAsTheSameDays()
    {
        var shipped = HolidayCalendars.Load(HolidayCalendars.China, "en");
        var path = Write("cn.tsv", "date\tkind\tname_zh\tname_en\n" + string.Join("\n", shipped.Select(d =>
            $"{d.Date:yyyy-MM-dd}\t{(d.Kind == CalendarDayKind.Holiday ? "holiday" : "workday")}\t-\t{d.Name}")));

        var result = CalendarFile.Read(path, "en");

        Assert.Empty(result.Errors);
        Assert.Equal(shipped.Select(d => (d.Date, d.Kind, d.Name)), result.Days.Select(d => (d.Date, d.Kind, d.Name)));
    }

    [Fact]
    public void Xlsx_WithExcelDates_AndChineseKinds()
    {
        var path = Path.Combine(_folder.FullName, "sg.xlsx");
        MiniExcel.SaveAs(path, new[]
        {
            new Dictionary<string, object> { ["date"] = new DateTime(2027, 1, 1), ["kind"] = "休", ["name"] = "New Year's Day" },
            new Dictionary<string, object> { ["date"] = "2027-02-20", ["kind"] = "班", ["name"] = "Adjusted workday" },
        });

        var result = CalendarFile.Read(path, "en");

        Assert.Empty(result.Errors);
        Assert.Equal([(new DateOnly(2027, 1, 1), CalendarDayKind.Holiday), (new DateOnly(2027, 2, 20), CalendarDayKind.Workday)],
            result.Days.Select(d => (d.Date, d.Kind)));
    }

    [Fact]
    public void EveryBadRow_IsReported_AndNoDaysAreGiven()
    {
        var path = Write("bad.csv", "date,kind,name\n2027-01-01,holiday,New Year\n01/02/2027,holiday,US style\n2027-01-03,,No kind\n2027-01-01,workday,Twice\n2027-01-04,holiday," + new string('x', 101) + "\n");

        var result = CalendarFile.Read(path, "en");

        Assert.Empty(result.Days);
        Assert.Equal(
            [(3, "date", CalendarFileProblem.BadDate), (4, "kind", CalendarFileProblem.Required), (5, "date", CalendarFileProblem.Duplicate), (6, "name", CalendarFileProblem.TooLong)],
            result.Errors.Select(e => (e.Row, e.Column, e.Problem)));
        Assert.Equal("2", result.Errors[2].Value);
    }

    [Fact]
    public void HeaderOnly_IsEmpty_AndMissingColumnsAreNamed()
    {
        Assert.Equal(CalendarFileProblem.Empty, CalendarFile.Read(Write("empty.csv", "date,kind,name\n"), "en").Errors.Single().Problem);
        Assert.Equal(["kind", "name"], CalendarFile.Read(Write("cols.csv", "date,type\n2027-01-01,x\n"), "en").Errors.Select(e => e.Column));
    }
}
