using Headroom.Organizations;

namespace Headroom.Web.Members;

// Create and update take the same body; Version is required on update. On update an omitted
// (null) field keeps its value. Which fields a caller may change depends on their role
// (docs/decisions/0015-people-administration.md): a field sent with a new value that the caller
// may not set is a field error, and nothing is written.
public sealed record MemberRequest(
    string? Name, string? Email, MemberRole? Role, long? TeamId, string? Title, DateOnly? HireDate, double? WeeklyCapacityHours,
    IReadOnlyList<SkillLevel>? Skills, IReadOnlyList<string>? Territories, IReadOnlyList<string>? Languages, long? Version = null);
