namespace Headroom.Data;

// Which organization the current unit of work acts for. Scoped: one per request or command.
// The global query filter reads OrgId on every query, so it must be set before the first one.
public sealed class TenantContext
{
    public long? OrgId { get; private set; }

    public void Enter(long orgId)
    {
        if (OrgId is { } current && current != orgId)
        {
            throw new InvalidOperationException($"This unit of work already acts for organization {current}.");
        }
        OrgId = orgId;
    }

    public long RequireOrgId() =>
        OrgId ?? throw new InvalidOperationException("No organization selected for this unit of work.");
}
