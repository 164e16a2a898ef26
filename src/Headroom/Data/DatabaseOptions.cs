namespace Headroom.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

// Bound from configuration section "Headroom:Database" (environment: Headroom__Database__Provider,
// Headroom__Database__ConnectionString).
public sealed class DatabaseOptions
{
    public const string Section = "Headroom:Database";
    public const string DefaultSqliteFile = "data/headroom.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string? ConnectionString { get; set; }
    // Plaintext connections to a PostgreSQL server that is not on this machine are refused
    // unless this is set deliberately.
    public bool AllowUnencryptedRemote { get; set; }
    public bool MigrateOnStart { get; set; } = true;
}
