using Headroom.Deals;

namespace Headroom.Web.Deals;

public sealed record DealFilter(string? Name, long? StageId, long? OwnerId, long? AccountId, DealOutcome? Outcome);
