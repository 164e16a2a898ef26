using Headroom.Organizations;

namespace Headroom.Demo;

public sealed record DemoSignIn(MemberRole Role, string Name, string Email, string Password);
