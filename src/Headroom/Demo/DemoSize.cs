namespace Headroom.Demo;

public enum DemoSize
{
    Small,
    Medium,
    Large,
}
