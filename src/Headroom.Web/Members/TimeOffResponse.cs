using Headroom.Organizations;

namespace Headroom.Web.Members;

public sealed record TimeOffResponse(long Id, long MemberId, DateOnly StartDate, DateOnly EndDate, TimeOffKind Kind, string? Note, long Version);
