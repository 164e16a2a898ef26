using Headroom.Data;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Data;

public class PendingModelChangesTests
{
    [Fact]
    public void Sqlite_HasNoPendingModelChanges()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed without a SQLite migration; run scripts/add-migration.sh NAME.");
    }

    [Fact]
    public void Postgres_HasNoPendingModelChanges()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed without a PostgreSQL migration; run scripts/add-migration.sh NAME.");
    }

    [Fact]
    public void EveryTenantIndex_LeadsWithOrgId()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        // Sign-in finds a user by email before it knows the organization, so the user table's
        // email and user-name indexes are global (under Citus it is a reference table).
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.FindProperty("OrgId") is not null && e.ClrType != typeof(Headroom.Organizations.AppUser)))
        {
            foreach (var index in entity.GetIndexes())
            {
                Assert.True(index.Properties[0].Name == "OrgId",
                    $"{entity.ClrType.Name} index ({string.Join(", ", index.Properties.Select(p => p.Name))}) does not lead with OrgId.");
            }
        }
    }
}
