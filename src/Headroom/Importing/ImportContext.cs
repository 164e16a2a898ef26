using System.Text;
using Headroom.Organizations;

namespace Headroom.Importing;

// Everything one import run shares: the request, the file's encoding and column map, the error
// list, the result being filled, and progress over the passes the importer makes over the file.
internal sealed class ImportContext
{
    private long _passStart;
    private long _lastReport;

    public required ImportRequest Request { get; init; }
    public required Organization Organization { get; init; }
    public required Encoding Encoding { get; init; }
    public required ImportErrors Errors { get; init; }
    public required ImportRow Row { get; init; }
    public required ImportResult Result { get; init; }
    public required ImportLookups Lookups { get; init; }
    public required long FileLength { get; init; }
    public required TimeProvider Clock { get; init; }
    // How many times the file will be read, for the progress total.
    public int Passes { get; set; } = 1;

    public TabularReader OpenReader() => TabularReader.Open(Request.FilePath, Encoding);

    public void ReportProgress(TabularReader reader, string phase, bool done = false)
    {
        if (Request.Progress is null)
        {
            return;
        }
        var position = done ? reader.Length : reader.Position;
        if (!done && position - _lastReport < (1 << 20))
        {
            return;
        }
        _lastReport = position;
        Request.Progress.Report(new ImportProgress(phase, _passStart + position, FileLength * Passes));
        if (done)
        {
            _passStart += reader.Length;
            _lastReport = 0;
        }
    }
}
