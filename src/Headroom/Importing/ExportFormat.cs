namespace Headroom.Importing;

public enum ExportFormat
{
    Csv,
    Xlsx,
}
