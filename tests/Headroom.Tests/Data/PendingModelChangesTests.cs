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
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.FindProperty("OrgId") is not null))
        {
            foreach (var index in entity.GetIndexes())
            {
                Assert.True(index.Properties[0].Name == "OrgId",
                    $"{entity.ClrType.Name} index ({string.Join(", ", index.Properties.Select(p => p.Name))}) does not lead with OrgId.");
            }
        }
    }
}
