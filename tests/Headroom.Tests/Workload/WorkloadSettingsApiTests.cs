using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Headroom.Organizations;
using Headroom.Tests.Web;
using Headroom.Web.Workload;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Workload;

[Trait("Category", "Integration")]
public sealed class WorkloadSettingsApiTests
{
    private static readonly WorkingTimeRequest SixDays = new(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday"], 7, "09:00", "17:30", "Asia/Singapore", null);

    [Fact]
    public async Task EveryoneSignedInReadsTheSettings_OnlyAdminsChangeThem_AndOnlyTheirOwnOrganization()
    {
        await using var world = await ApiWorld.CreateAsync();
        foreach (var principal in ApiWorld.Principals)
        {
            var client = world.Client(principal);
            var working = await client.GetAsync(new Uri("/api/v1/settings/working-time", UriKind.Relative));
            var effort = await client.GetAsync(new Uri("/api/v1/settings/effort-model", UriKind.Relative));
            var calendar = await client.GetAsync(new Uri("/api/v1/calendar?year=2026", UriKind.Relative));
            if (!AccessRules.SignedIn(principal))
            {
                Assert.All([working, effort, calendar], r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
                continue;
            }
            Assert.All([working, effort, calendar], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            var read = (await working.Content.ReadFromJsonAsync<WorkingTimeResponse>(ApiWorld.Json))!;
            var model = (await effort.Content.ReadFromJsonAsync<EffortModelResponse>(ApiWorld.Json))!;
            var put = await client.PutAsJsonAsync("/api/v1/settings/working-time", SixDays with { Version = read.Version }, ApiWorld.Json);
            var putEffort = await client.PutAsJsonAsync("/api/v1/settings/effort-model", new EffortModelRequest(OverheadShare: 0.2, Version: model.Version), ApiWorld.Json);
            var putDay = await client.PutAsJsonAsync("/api/v1/calendar/2026-06-01", new CalendarDayRequest(CalendarDayKind.Holiday, "Company day", null), ApiWorld.Json);
            var expected = AccessRules.IsAdmin(principal) ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
            Assert.Equal(expected, put.StatusCode);
            Assert.Equal(expected, putEffort.StatusCode);
            Assert.Equal(expected, putDay.StatusCode);
        }

        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        var organization = await db.Organizations.SingleAsync(o => o.Id == world.Host.OrgId);
        Assert.Equal(("Asia/Singapore", 7.0, WorkingDays.MondayToFriday | WorkingDays.Saturday), (organization.TimeZoneId, organization.DailyHours, organization.WorkingDays));
        Assert.Equal(new TimeOnly(17, 30), organization.WorkdayEnd);
        Assert.Equal(0.2, (await db.OrganizationEffortModels.SingleAsync()).Read().OverheadShare);
        Assert.Equal("Company day", (await db.CalendarDays.SingleAsync(d => d.Date == new DateOnly(2026, 6, 1))).Name);
        // The other organization's admin changed their own settings, not these, and cannot see this day.
        await using var other = world.Host.Database.CreateContext(world.OtherOrgId);
        Assert.Equal(1, await other.CalendarDays.CountAsync(d => d.Date == new DateOnly(2026, 6, 1)));
        Assert.Equal(1, await other.OrganizationEffortModels.CountAsync());
    }

    [Theory]
    [InlineData("""{"workingDays":[],"dailyHours":8,"workdayStart":"09:00","workdayEnd":"18:00","timeZoneId":"Asia/Shanghai"}""", "workingDays")]
    [InlineData("""{"workingDays":["funday"],"dailyHours":8,"workdayStart":"09:00","workdayEnd":"18:00","timeZoneId":"Asia/Shanghai"}""", "workingDays")]
    [InlineData("""{"workingDays":["monday"],"dailyHours":0,"workdayStart":"09:00","workdayEnd":"18:00","timeZoneId":"Asia/Shanghai"}""", "dailyHours")]
    [InlineData("""{"workingDays":["monday"],"dailyHours":10,"workdayStart":"09:00","workdayEnd":"18:00","timeZoneId":"Asia/Shanghai"}""", "dailyHours")]
    [InlineData("""{"workingDays":["monday"],"dailyHours":8,"workdayStart":"18:00","workdayEnd":"09:00","timeZoneId":"Asia/Shanghai"}""", "workdayEnd")]
    [InlineData("""{"workingDays":["monday"],"dailyHours":8,"workdayStart":"9h","workdayEnd":"18:00","timeZoneId":"Asia/Shanghai"}""", "workdayStart")]
    [InlineData("""{"workingDays":["monday"],"dailyHours":8,"workdayStart":"09:00","workdayEnd":"18:00","timeZoneId":"Mars/Olympus"}""", "timeZoneId")]
    [InlineData("""{"workingDays":["monday"],"dailyHours":8,"workdayStart":"09:00","workdayEnd":"18:00","timeZoneId":"Asia/Shanghai"}""", "version")]
    public async Task BadWorkingTime_IsAFieldError_AndNothingChanges(string json, string field)
    {
        await using var world = await ApiWorld.CreateAsync();
        var admin = world.Client(ApiWorld.Admin);
        var version = (await admin.GetFromJsonAsync<WorkingTimeResponse>("/api/v1/settings/working-time", ApiWorld.Json))!.Version;
        var body = field == "version" ? json : json.Replace("}", $",\"version\":{version}}}", StringComparison.Ordinal);
        var response = await admin.PutAsync(new Uri("/api/v1/settings/working-time", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        await AssertFieldErrorAsync(response, field);
        var after = (await admin.GetFromJsonAsync<WorkingTimeResponse>("/api/v1/settings/working-time", ApiWorld.Json))!;
        Assert.Equal((version, 8.0, "Asia/Shanghai"), (after.Version, after.DailyHours, after.TimeZoneId));
    }

    [Theory]
    [InlineData("""{"overheadShare":0.95}""", "overheadShare")]
    [InlineData("""{"followUpLowHours":-1}""", "followUpLowHours")]
    [InlineData("""{"accountTierAHoursPerMonth":500}""", "accountTierAHoursPerMonth")]
    [InlineData("""{"underBelow":1.1,"healthyUpTo":1.0}""", "healthyUpTo")]
    [InlineData("""{"stretchedUpTo":0.9}""", "stretchedUpTo")]
    [InlineData("""{"stageHours":[{"stageId":999999,"hoursPerWeek":2}]}""", "stageHours[0].stageId")]
    public async Task BadEffortModel_IsAFieldError_AndTheDefaultsStay(string json, string field)
    {
        await using var world = await ApiWorld.CreateAsync();
        var admin = world.Client(ApiWorld.Admin);
        var response = await admin.PutAsync(new Uri("/api/v1/settings/effort-model", UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        await AssertFieldErrorAsync(response, field);
        Assert.True((await admin.GetFromJsonAsync<EffortModelResponse>("/api/v1/settings/effort-model", ApiWorld.Json))!.IsDefault);
    }

    [Fact]
    public async Task EffortModel_StageHoursAndStaleVersions_AndResetToDefaults()
    {
        await using var world = await ApiWorld.CreateAsync();
        var admin = world.Client(ApiWorld.Admin);
        var model = (await admin.GetFromJsonAsync<EffortModelResponse>("/api/v1/settings/effort-model", ApiWorld.Json))!;
        Assert.True(model.IsDefault);
        Assert.NotEmpty(model.StageHours);
        var stage = model.StageHours[0];
        Assert.Null(stage.HoursPerWeek);
        Assert.Equal(0.5 + 0.025 * stage.WinProbability, stage.EffectiveHoursPerWeek, 1e-9);

        var saved = await admin.PutAsJsonAsync("/api/v1/settings/effort-model",
            new EffortModelRequest(StageHours: [new StageHoursRequest(stage.StageId, 4)], VisitTravelHours: 2, Version: 0), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var after = (await saved.Content.ReadFromJsonAsync<EffortModelResponse>(ApiWorld.Json))!;
        Assert.False(after.IsDefault);
        Assert.Equal((4.0, 4.0, 2.0), (after.StageHours[0].HoursPerWeek!.Value, after.StageHours[0].EffectiveHoursPerWeek, after.VisitTravelHours));
        // A setting left out takes its default.
        Assert.Equal(0.15, after.OverheadShare);

        var stale = await admin.PutAsJsonAsync("/api/v1/settings/effort-model", new EffortModelRequest(Version: 0), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var missing = await admin.PutAsJsonAsync("/api/v1/settings/effort-model", new EffortModelRequest(), ApiWorld.Json);
        await AssertFieldErrorAsync(missing, "version");
        Assert.Equal(HttpStatusCode.Conflict, (await admin.DeleteAsync(new Uri($"/api/v1/settings/effort-model?version={after.Version + 1}", UriKind.Relative))).StatusCode);
        var reset = await admin.DeleteAsync(new Uri($"/api/v1/settings/effort-model?version={after.Version}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.True((await reset.Content.ReadFromJsonAsync<EffortModelResponse>(ApiWorld.Json))!.IsDefault);
    }

    [Fact]
    public async Task ChangedWorkingTime_ChangesCapacityOnTheWorkloadApi()
    {
        await using var world = await ApiWorld.CreateAsync();
        var admin = world.Client(ApiWorld.Admin);
        async Task<double> CapacityAsync()
        {
            var workload = (await admin.GetFromJsonAsync<WorkloadResponse>("/api/v1/workload?from=2026-11-09&to=2026-11-15", ApiWorld.Json))!;
            return workload.Members.Single(m => m.MemberId == world.MemberIds[ApiWorld.RepA1]).Periods.Single().CapacityHours;
        }
        Assert.Equal(40, await CapacityAsync(), 1e-9);
        var version = (await admin.GetFromJsonAsync<WorkingTimeResponse>("/api/v1/settings/working-time", ApiWorld.Json))!.Version;
        var put = await admin.PutAsJsonAsync("/api/v1/settings/working-time", SixDays with { TimeZoneId = "Asia/Shanghai", Version = version }, ApiWorld.Json);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        // Six days of 7 hours is the full week now; a 40-hour member works all of it.
        Assert.Equal(40, await CapacityAsync(), 1e-9);
        var holiday = await admin.PutAsJsonAsync("/api/v1/calendar/2026-11-10", new CalendarDayRequest(CalendarDayKind.Holiday, "Company day", "custom"), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.OK, holiday.StatusCode);
        Assert.Equal(40 - 40.0 / 6, await CapacityAsync(), 1e-9);
    }

    internal static async Task AssertFieldErrorAsync(HttpResponseMessage response, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {text}");
        using var problem = JsonDocument.Parse(text);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), text);
    }
}
