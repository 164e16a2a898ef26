using Headroom.Data;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Assignment;

// The database's own refusal of updates and deletes of the assignment log, for writers that do not
// go through AppDbContext (a script, a psql session). Added by the AssignmentLog migrations.
public static class AssignmentLogTriggers
{
    public const string Message = "AssignmentLog is append-only";

    public const string SqliteUp = $"""
        CREATE TRIGGER "AssignmentLog_NoUpdate" BEFORE UPDATE ON "AssignmentLog"
        BEGIN SELECT RAISE(ABORT, '{Message}'); END;
        CREATE TRIGGER "AssignmentLog_NoDelete" BEFORE DELETE ON "AssignmentLog"
        BEGIN SELECT RAISE(ABORT, '{Message}'); END;
        """;

    public const string SqliteDown = """
        DROP TRIGGER IF EXISTS "AssignmentLog_NoUpdate";
        DROP TRIGGER IF EXISTS "AssignmentLog_NoDelete";
        """;

    public const string PostgresUp = $"""
        CREATE FUNCTION "AssignmentLog_Refuse"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '{Message}' USING ERRCODE = 'restrict_violation';
        END;
        $$;
        CREATE TRIGGER "AssignmentLog_NoChange" BEFORE UPDATE OR DELETE ON "AssignmentLog"
        FOR EACH ROW EXECUTE FUNCTION "AssignmentLog_Refuse"();
        CREATE TRIGGER "AssignmentLog_NoTruncate" BEFORE TRUNCATE ON "AssignmentLog"
        FOR EACH STATEMENT EXECUTE FUNCTION "AssignmentLog_Refuse"();
        """;

    public const string PostgresDown = """
        DROP TRIGGER IF EXISTS "AssignmentLog_NoTruncate" ON "AssignmentLog";
        DROP TRIGGER IF EXISTS "AssignmentLog_NoChange" ON "AssignmentLog";
        DROP FUNCTION IF EXISTS "AssignmentLog_Refuse"();
        """;

    // The one way log rows go: with their whole organization (`seed --demo --replace`). The
    // triggers are lifted and restored inside one transaction, so no other writer sees them off.
    public static async Task PurgeOrganizationAsync(AppDbContext db, long orgId, CancellationToken cancellationToken)
    {
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var sqlite = db.Database.IsSqlite();
        await db.Database.ExecuteSqlRawAsync(sqlite ? SqliteDown : """ALTER TABLE "AssignmentLog" DISABLE TRIGGER "AssignmentLog_NoChange" """, cancellationToken);
        await db.AssignmentLog.IgnoreQueryFilters().Where(e => e.OrgId == orgId).ExecuteDeleteAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(sqlite ? SqliteUp : """ALTER TABLE "AssignmentLog" ENABLE TRIGGER "AssignmentLog_NoChange" """, cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
