using Headroom.Common;
using Headroom.Data;

namespace Headroom.Importing;

// How one kind is imported through EF: which records exist, how a row binds onto a record, and the
// natural key that matches a row without an external id to an existing record.
internal sealed class RecordSpec<T>
    where T : TenantEntity, IExternallyIdentified
{
    public required ImportNoun What { get; init; }
    // Header field that holds the natural key, for duplicate errors.
    public required string KeyField { get; init; }
    public required Func<AppDbContext, IQueryable<T>> Existing { get; init; }
    public required Func<T> Create { get; init; }
    public required Func<T, string?> NaturalKey { get; init; }
    public required Action<ImportRow, T> Bind { get; init; }
    // Set when the database enforces the natural key as unique (member email).
    public Func<T, bool>? NaturalKeyUnique { get; init; }
    // Runs after all rows bound, e.g. to resolve references between rows of the same file.
    public Action<IReadOnlyList<T>>? AfterRows { get; init; }
    // Runs after the rows are saved, in the same transaction, with the records created (they have
    // their ids); what it changes is saved before the commit.
    public Func<AppDbContext, IReadOnlyList<T>, CancellationToken, Task>? AfterInsert { get; init; }
}
