namespace Headroom.Common;

// Optimistic concurrency on records people edit. A counter rather than a provider row version,
// so SQLite and PostgreSQL behave the same; the SaveChanges interceptor bumps it.
public interface IVersioned
{
    long Version { get; set; }
}
