namespace Headroom.Demo;

public sealed record DemoRep(long MemberId, string Name, string Email);
