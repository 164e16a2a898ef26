using Headroom.Data;
using Headroom.Deals;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Importing;

// The records of the current organization that import rows may refer to, loaded once per import
// as compact id maps (no tracked entities). The tenant filter keeps other organizations out.
internal sealed class ImportLookups
{
    public required ReferenceIndex Members { get; init; }
    public required ReferenceIndex Teams { get; init; }
    public required ReferenceIndex Accounts { get; init; }
    public required ReferenceIndex Deals { get; init; }
    public required ReferenceIndex Leads { get; init; }
    public required IReadOnlyList<PipelineStage> Stages { get; init; }

    public static async Task<ImportLookups> LoadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var members = new ReferenceIndex(ImportNoun.Member, ImportProblem.UnknownMember);
        await foreach (var m in db.Members.AsNoTracking().Select(m => new { m.Id, m.ExternalId, m.Email, m.Name }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            members.Add(m.Id, m.ExternalId, m.Email, m.Name);
        }
        var teams = new ReferenceIndex(ImportNoun.Team, ImportProblem.UnknownTeam);
        await foreach (var t in db.Teams.AsNoTracking().Select(t => new { t.Id, t.ExternalId, t.Name }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            teams.Add(t.Id, t.ExternalId, t.Name);
        }
        var accounts = new ReferenceIndex(ImportNoun.Account, ImportProblem.UnknownAccount);
        await foreach (var a in db.Accounts.AsNoTracking().Select(a => new { a.Id, a.ExternalId, a.Name }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            accounts.Add(a.Id, a.ExternalId, a.Name);
        }
        var deals = new ReferenceIndex(ImportNoun.Deal, ImportProblem.UnknownDeal);
        await foreach (var d in db.Deals.AsNoTracking().Select(d => new { d.Id, d.ExternalId, d.Name }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            deals.Add(d.Id, d.ExternalId, d.Name);
        }
        var leads = new ReferenceIndex(ImportNoun.Lead, ImportProblem.UnknownLead);
        await foreach (var l in db.Leads.AsNoTracking().Select(l => new { l.Id, l.ExternalId, l.Name }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            leads.Add(l.Id, l.ExternalId, l.Name);
        }
        var stages = await db.PipelineStages.AsNoTracking().OrderBy(s => s.SortOrder).ToListAsync(cancellationToken);
        return new ImportLookups { Members = members, Teams = teams, Accounts = accounts, Deals = deals, Leads = leads, Stages = stages };
    }

    // The organization's own stage names first; then the standard step a Zoho, Salesforce or
    // ShareCRM stage word means, mapped to the organization's stage for that step.
    public PipelineStage? FindStage(string text)
    {
        var key = ValueAliases.Key(text);
        if (Stages.FirstOrDefault(s => ValueAliases.Key(s.Name) == key) is { } exact)
        {
            return exact;
        }
        var words = ValueAliases.StageWords(text).Select(ValueAliases.Key).ToHashSet();
        if (words.Count == 0)
        {
            return null;
        }
        return Stages.FirstOrDefault(s => words.Contains(ValueAliases.Key(s.Name)))
            ?? (words.Contains("won") ? Stages.FirstOrDefault(s => s.ClosesAs == DealOutcome.Won)
                : words.Contains("lost") ? Stages.FirstOrDefault(s => s.ClosesAs == DealOutcome.Lost) : null);
    }
}
