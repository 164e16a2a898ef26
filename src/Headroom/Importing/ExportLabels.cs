using Headroom.Data;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Importing;

// How exported rows name the records they refer to: the same keys the importer resolves
// (member email, else external id, else name; others external id, else name).
internal sealed class ExportLabels
{
    public required Dictionary<long, string> Members { get; init; }
    public required Dictionary<long, string> Teams { get; init; }
    public required Dictionary<long, string> Accounts { get; init; }
    public required Dictionary<long, string> Deals { get; init; }
    public required Dictionary<long, string> Leads { get; init; }
    public required Dictionary<long, string> Stages { get; init; }

    public static async Task<ExportLabels> LoadAsync(AppDbContext db, CancellationToken cancellationToken) => new()
    {
        Members = await db.Members.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.Email ?? m.ExternalId ?? m.Name, cancellationToken),
        Teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.ExternalId ?? t.Name, cancellationToken),
        Accounts = await db.Accounts.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.ExternalId ?? a.Name, cancellationToken),
        Deals = await db.Deals.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.ExternalId ?? d.Name, cancellationToken),
        Leads = await db.Leads.AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.ExternalId ?? l.Name, cancellationToken),
        Stages = await db.PipelineStages.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken),
    };

    public static string? Of(Dictionary<long, string> labels, long? id) =>
        id is { } key && labels.TryGetValue(key, out var label) ? label : null;
}
