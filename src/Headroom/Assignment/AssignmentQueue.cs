using System.Text.Json;
using Headroom.Common;

namespace Headroom.Assignment;

// A manager's rules for handing out new leads to one team (with its sub-teams): which leads the
// queue takes, the strategy, the hard constraints to enforce and the limits per rep
// (docs/decisions/0028-assignment-queues.md).
public class AssignmentQueue : TenantEntity, IVersioned
{
    public const double DefaultEffortHoursPerLead = 1;
    public const int MaxWeight = 100;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public required string Name { get; set; }
    public long TeamId { get; set; }
    public AssignmentStrategy Strategy { get; set; } = AssignmentStrategy.LeastLoaded;

    // Which leads: unowned New leads in the team's pool or the organization's, narrowed to one
    // source and one region when these are set (compared ignoring case).
    public string? LeadSource { get; set; }
    public string? LeadRegion { get; set; }

    // Hard constraints, each a toggle: a rep must have the lead's required skill at its level,
    // speak its language, and cover its region among their territories.
    public bool MatchSkill { get; set; } = true;
    public bool MatchLanguage { get; set; } = true;
    public bool MatchRegion { get; set; }

    // A rep takes no lead that would bring their load above this share of capacity over the
    // horizon (1 = 100 %), nor more than MaxOpenLeadsPerRep open leads (null: no limit).
    public double TargetUtilization { get; set; } = 1;
    public int? MaxOpenLeadsPerRep { get; set; }

    // The effort model has no hours for a lead (ADR 18), so the queue says how long one takes.
    public double EffortHoursPerLead { get; set; } = DefaultEffortHoursPerLead;

    public bool AutoRoute { get; set; }

    // Member id → weight, JSON. Weighted round robin hands out in proportion to the weights (none
    // set: to capacity); a weight of 0 keeps a member out of this queue whatever the strategy.
    public string Weights { get; set; } = "{}";

    public long Version { get; set; }

    public IReadOnlyDictionary<long, int> ReadWeights() =>
        JsonSerializer.Deserialize<Dictionary<long, int>>(Weights, Json) ?? [];

    public void WriteWeights(IReadOnlyDictionary<long, int> weights) =>
        Weights = JsonSerializer.Serialize(weights.OrderBy(w => w.Key).ToDictionary(w => w.Key, w => w.Value), Json);
}
