namespace Headroom.Web.Importing;

// Why an upload was refused; the page shows Import.Error.<name>.
public enum UploadProblem
{
    TooLarge,
    NoFile,
    FileType,
    Unreadable,
}
