namespace Headroom.Web.Wellbeing;

public sealed class PulseForm
{
    public int Energy { get; set; } = 3;
    public int Stress { get; set; } = 3;
    public string? Comment { get; set; }
}
