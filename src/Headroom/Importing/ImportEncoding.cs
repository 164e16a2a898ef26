namespace Headroom.Importing;

public enum ImportEncoding
{
    // Valid UTF-8 (with or without BOM) is read as UTF-8, anything else as GB18030.
    Auto,
    Utf8,
    Gb18030,
}
