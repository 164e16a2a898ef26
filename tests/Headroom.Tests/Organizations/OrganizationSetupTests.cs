using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Organizations;

[Trait("Category", "Persistence")]
public class OrganizationSetupTests
{
    [Fact]
    public async Task ChineseOrganization_GetsTheOfficialCalendarWithAdjustedWorkdays()
    {
        await using var database = await TestDatabase.CreateAsync();
        var org = await database.CreateOrganizationAsync();
        await using var db = database.CreateContext(org.Id);

        var springFestivalSaturday = await db.CalendarDays.SingleAsync(d => d.Date == new DateOnly(2025, 2, 8));
        Assert.Equal(CalendarDayKind.Workday, springFestivalSaturday.Kind);
        Assert.Equal("春节", springFestivalSaturday.Name);
        Assert.Equal(DayOfWeek.Saturday, springFestivalSaturday.Date.DayOfWeek);
        Assert.Equal(CalendarDayKind.Holiday, (await db.CalendarDays.SingleAsync(d => d.Date == new DateOnly(2025, 10, 1))).Kind);
        Assert.Equal(5 + 6, await db.CalendarDays.CountAsync(d => d.Kind == CalendarDayKind.Workday));
    }

    [Fact]
    public async Task EnglishOrganizationOutsideChina_GetsNoChineseCalendar()
    {
        await using var database = await TestDatabase.CreateAsync();
        var org = await database.CreateOrganizationAsync("Globex", "Europe/Berlin", "en");
        await using var db = database.CreateContext(org.Id);
        Assert.Equal(0, await db.CalendarDays.CountAsync());
        Assert.Equal("Qualification", await db.PipelineStages.OrderBy(s => s.SortOrder).Select(s => s.Name).FirstAsync());
    }
}
