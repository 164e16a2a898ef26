namespace Headroom.Web.FollowUps;

// The "mark done" button of one row.
public sealed class DoneForm
{
    public long Id { get; set; }
    public long Version { get; set; }
}
