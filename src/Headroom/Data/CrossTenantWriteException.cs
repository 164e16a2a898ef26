namespace Headroom.Data;

public sealed class CrossTenantWriteException(string entity, long rowOrgId, long currentOrgId)
    : InvalidOperationException(
        $"Refused to write {entity} of organization {rowOrgId} while acting for organization {currentOrgId}.");
