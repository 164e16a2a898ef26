using Headroom.Organizations;

namespace Headroom.Web.Members;

// InvitationPending: an unused invitation link exists; PasswordSet: the member can sign in with a password.

public sealed record MemberResponse(
    long Id, string Name, string? Email, MemberRole Role, long? TeamId, string? TeamName, string? Title, DateOnly? HireDate,
    double WeeklyCapacityHours, IReadOnlyList<SkillLevel> Skills, IReadOnlyList<string> Territories, IReadOnlyList<string> Languages,
    bool Active, bool InvitationPending, bool PasswordSet, long Version);
