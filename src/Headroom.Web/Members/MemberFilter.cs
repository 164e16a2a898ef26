using Headroom.Organizations;

namespace Headroom.Web.Members;

// Q searches name, email and title.
public sealed record MemberFilter(string? Q, long? TeamId, MemberRole? Role, bool? Active);
