using Microsoft.EntityFrameworkCore;

namespace Headroom.Data;

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options, TenantContext tenant)
    : AppDbContext(options, tenant);
