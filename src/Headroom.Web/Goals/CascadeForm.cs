namespace Headroom.Web.Goals;

// What the cascade page posts to apply the split it previewed.
public sealed class CascadeForm
{
    public string? Method { get; set; }
    public string? ChildKind { get; set; }
    public long Version { get; set; }
}
