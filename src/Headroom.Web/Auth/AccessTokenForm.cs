namespace Headroom.Web.Auth;

public sealed class AccessTokenForm
{
    public string? Name { get; set; }
    public int ExpiresInDays { get; set; } = PersonalAccessTokens.ExpiryChoicesDays[0];
}
