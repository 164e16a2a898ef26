using Microsoft.EntityFrameworkCore;

namespace Headroom.Data;

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options, TenantContext tenant)
    : AppDbContext(options, tenant);
