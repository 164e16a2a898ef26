namespace Headroom.Common;

// The id a record has in the system it was imported from (Zoho, Salesforce, ShareCRM, a sheet).
// Unique per organization and kind, so importing the same file twice changes nothing.
public interface IExternallyIdentified
{
    string? ExternalId { get; set; }
}
