using System.Globalization;
using Headroom.Data;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Importing;

// The rows of each kind as Headroom preset header -> text, streamed from a no-tracking query.
internal sealed class ExportRows(AppDbContext db, Organization organization, ExportLabels labels)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(organization.TimeZoneId);

    public IEnumerable<Dictionary<string, string?>> For(ImportKind kind) => kind switch
    {
        ImportKind.Teams => db.Teams.AsNoTracking().OrderBy(t => t.Id).AsEnumerable().Select(t => new Dictionary<string, string?>
        {
            ["ExternalId"] = t.ExternalId,
            ["Name"] = t.Name,
            ["ParentTeam"] = ExportLabels.Of(labels.Teams, t.ParentTeamId),
            ["Manager"] = ExportLabels.Of(labels.Members, t.ManagerId),
        }),
        ImportKind.Members => db.Members.AsNoTracking().OrderBy(m => m.Id).AsEnumerable().Select(m => new Dictionary<string, string?>
        {
            ["ExternalId"] = m.ExternalId,
            ["Name"] = m.Name,
            ["Email"] = m.Email,
            ["Role"] = m.Role.ToString(),
            ["Team"] = ExportLabels.Of(labels.Teams, m.TeamId),
            ["Title"] = m.Title,
            ["HireDate"] = Date(m.HireDate),
            ["WeeklyCapacityHours"] = Number(m.WeeklyCapacityHours),
            ["Territories"] = string.Join("; ", m.Territories),
            ["Languages"] = string.Join("; ", m.Languages),
            ["Active"] = m.Active ? "true" : "false",
            ["Locale"] = m.Locale,
            ["TimeZone"] = m.TimeZoneId,
        }),
        ImportKind.Accounts => db.Accounts.AsNoTracking().OrderBy(a => a.Id).AsEnumerable().Select(a => new Dictionary<string, string?>
        {
            ["ExternalId"] = a.ExternalId,
            ["Name"] = a.Name,
            ["Tier"] = a.Tier.ToString(),
            ["Industry"] = a.Industry,
            ["Region"] = a.Region,
            ["Territory"] = a.Territory,
            ["Owner"] = ExportLabels.Of(labels.Members, a.OwnerId),
            ["Status"] = a.Status.ToString(),
        }),
        ImportKind.Contacts => db.Contacts.AsNoTracking().OrderBy(c => c.Id).AsEnumerable().Select(c => new Dictionary<string, string?>
        {
            ["ExternalId"] = c.ExternalId,
            ["Name"] = c.Name,
            ["Account"] = ExportLabels.Of(labels.Accounts, c.AccountId),
            ["Title"] = c.Title,
            ["Email"] = c.Email,
            ["Phone"] = c.Phone,
        }),
        ImportKind.Leads => db.Leads.AsNoTracking().OrderBy(l => l.Id).AsEnumerable().Select(l => new Dictionary<string, string?>
        {
            ["ExternalId"] = l.ExternalId,
            ["Name"] = l.Name,
            ["Company"] = l.Company,
            ["Source"] = l.Source,
            ["Region"] = l.Region,
            ["RequiredSkill"] = l.RequiredSkill,
            ["RequiredSkillLevel"] = l.RequiredSkillLevel?.ToString(CultureInfo.InvariantCulture),
            ["Language"] = l.Language,
            ["EstimatedValue"] = ValueParser.FormatMoney(l.EstimatedValueMinor, organization.Currency),
            ["Status"] = l.Status.ToString(),
            ["Owner"] = ExportLabels.Of(labels.Members, l.OwnerId),
        }),
        ImportKind.Deals => db.Deals.AsNoTracking().OrderBy(d => d.Id).AsEnumerable().Select(d => new Dictionary<string, string?>
        {
            ["ExternalId"] = d.ExternalId,
            ["Name"] = d.Name,
            ["Account"] = ExportLabels.Of(labels.Accounts, d.AccountId),
            ["Owner"] = ExportLabels.Of(labels.Members, d.OwnerId),
            ["Amount"] = ValueParser.FormatMoney(d.AmountMinor, organization.Currency),
            ["Stage"] = ExportLabels.Of(labels.Stages, d.StageId),
            ["ExpectedCloseDate"] = Date(d.ExpectedCloseDate),
            ["ClosedAt"] = Time(d.ClosedUtc),
            ["LostReason"] = d.LostReason,
        }),
        ImportKind.Activities => db.SalesActivities.AsNoTracking().OrderBy(a => a.Id).AsEnumerable().Select(a => new Dictionary<string, string?>
        {
            ["ExternalId"] = a.ExternalId,
            ["Type"] = a.Type.ToString(),
            ["Member"] = ExportLabels.Of(labels.Members, a.MemberId),
            ["Account"] = ExportLabels.Of(labels.Accounts, a.AccountId),
            ["Deal"] = ExportLabels.Of(labels.Deals, a.DealId),
            ["Lead"] = ExportLabels.Of(labels.Leads, a.LeadId),
            ["Start"] = Time(a.StartUtc),
            ["DurationMinutes"] = a.DurationMinutes.ToString(CultureInfo.InvariantCulture),
            ["Outcome"] = a.Outcome.ToString(),
            ["Notes"] = a.Notes,
        }),
        ImportKind.FollowUps => db.FollowUps.AsNoTracking().OrderBy(f => f.Id).AsEnumerable().Select(f => new Dictionary<string, string?>
        {
            ["ExternalId"] = f.ExternalId,
            ["Title"] = f.Title,
            ["Assignee"] = ExportLabels.Of(labels.Members, f.AssigneeId),
            ["Due"] = Time(f.DueUtc),
            ["EffortHours"] = Number(f.EffortHours),
            ["Status"] = f.Status.ToString(),
            ["Priority"] = f.Priority.ToString(),
            ["Account"] = ExportLabels.Of(labels.Accounts, f.AccountId),
            ["Deal"] = ExportLabels.Of(labels.Deals, f.DealId),
            ["Lead"] = ExportLabels.Of(labels.Leads, f.LeadId),
            ["CompletedAt"] = Time(f.CompletedUtc),
        }),
        ImportKind.Feedback => db.CustomerFeedback.AsNoTracking().OrderBy(f => f.Id).AsEnumerable().Select(f => new Dictionary<string, string?>
        {
            ["ExternalId"] = f.ExternalId,
            ["Kind"] = f.Kind == Feedback.FeedbackKind.Csat ? "CSAT" : "NPS",
            ["Score"] = f.Score.ToString(CultureInfo.InvariantCulture),
            ["Account"] = ExportLabels.Of(labels.Accounts, f.AccountId),
            ["Deal"] = ExportLabels.Of(labels.Deals, f.DealId),
            ["Date"] = Date(f.Date),
            ["Comment"] = f.Comment,
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown kind."),
    };

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private string? Time(DateTime? utc) => utc is { } value ? DataExporter.Local(value, _zone) : null;
}
