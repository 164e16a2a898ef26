namespace Headroom.Data;

// Which organization the current unit of work acts for, and who acts. Scoped: one per request or
// command. The global query filter reads OrgId on every query, so it must be set before the first
// one. The actor names the member in log rows the context writes on its own (a change of owner
// made by editing a record); without one those rows say "system".
public sealed class TenantContext
{
    public const string SystemActor = "system";

    public long? OrgId { get; private set; }
    public long? ActorMemberId { get; private set; }
    public string ActorName { get; private set; } = SystemActor;

    public void Enter(long orgId)
    {
        if (OrgId is { } current && current != orgId)
        {
            throw new InvalidOperationException($"This unit of work already acts for organization {current}.");
        }
        OrgId = orgId;
    }

    public void ActAs(long? memberId, string name)
    {
        ActorMemberId = memberId;
        ActorName = name;
    }

    public long RequireOrgId() =>
        OrgId ?? throw new InvalidOperationException("No organization selected for this unit of work.");
}
