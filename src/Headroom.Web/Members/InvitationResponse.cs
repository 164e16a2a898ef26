namespace Headroom.Web.Members;

// The link is in this answer only; the database keeps its SHA-256 hash.
public sealed record InvitationResponse(string InvitationUrl, DateTime ExpiresUtc);

public sealed record MemberCreatedResponse(MemberResponse Member, InvitationResponse Invitation);
