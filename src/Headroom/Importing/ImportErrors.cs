namespace Headroom.Importing;

// Collects errors for one import: lists the first few, counts them all, and counts rejected rows.
internal sealed class ImportErrors(string file, int max)
{
    private readonly List<ImportError> _listed = [];
    private readonly HashSet<int> _rejectedRows = [];

    public string File { get; } = file;
    public long Count { get; private set; }
    public long RejectedRows { get; private set; }
    // In row order: a few errors (duplicates within a file) are only known after the pass.
    public IReadOnlyList<ImportError> Listed => [.. _listed.OrderBy(e => e.Row)];

    public void Add(int row, string column, ImportProblem problem, params object[] args) =>
        Add(row, column, ImportMessage.Of(problem, args));

    public void Add(int row, string column, ImportMessage message)
    {
        Count++;
        if (row > 1 && _rejectedRows.Add(row))
        {
            RejectedRows++;
        }
        if (_listed.Count < max)
        {
            _listed.Add(new ImportError(File, row, column, message));
        }
    }
}
