using Headroom.Organizations;

namespace Headroom.Web.Members;

// Whole local days, both ends included.
public sealed record TimeOffRequest(DateOnly? StartDate, DateOnly? EndDate, TimeOffKind? Kind, string? Note);
