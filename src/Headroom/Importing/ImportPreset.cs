namespace Headroom.Importing;

// Whose export the file is: the column names differ per system (see Presets/presets.tsv).
public enum ImportPreset
{
    Headroom,
    Zoho,
    Salesforce,
    ShareCrm,
}
