namespace Headroom.Web.Activities;

// Deleting an activity takes a ticked confirmation, so a stray click removes nothing.
public sealed class DeleteActivityForm
{
    public bool Confirm { get; set; }
    public long? Version { get; set; }
}
