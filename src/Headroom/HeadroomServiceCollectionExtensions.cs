using Headroom.Data;
using Headroom.Organizations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Headroom;

public static class HeadroomServiceCollectionExtensions
{
    public static IServiceCollection AddHeadroom(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = DatabaseSetup.ResolveConnectionString(options);
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<AuditInterceptor>();
        services.AddSingleton<Assignment.QueueRouterCache>();
        services.AddScoped<TenantContext>();

        if (options.Provider == DatabaseProvider.Sqlite)
        {
            services.AddSingleton<SqlitePragmaInterceptor>();
            services.AddDbContext<SqliteAppDbContext>((sp, db) => db
                .UseSqlite(connectionString)
                .AddInterceptors(sp.GetRequiredService<SqlitePragmaInterceptor>(), sp.GetRequiredService<AuditInterceptor>()));
            services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqliteAppDbContext>());
        }
        else
        {
            services.AddDbContext<PostgresAppDbContext>((sp, db) => db
                .UseNpgsql(connectionString)
                .AddInterceptors(sp.GetRequiredService<AuditInterceptor>()));
            services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<PostgresAppDbContext>());
        }
        services.AddHeadroomIdentity();
        return services;
    }

    // Users, passwords and lockout, shared by the CLI (`user add`) and the web host, which adds
    // sign-in and cookies on top (Headroom.Web/Account).
    public static IdentityBuilder AddHeadroomIdentity(this IServiceCollection services)
    {
        services.Configure<PasswordHasherOptions>(PasswordPolicy.Configure);
        services.AddScoped<IUserConfirmation<AppUser>, ActiveUserConfirmation>();
        return services.AddIdentityCore<AppUser>(PasswordPolicy.Configure)
            .AddPasswordValidator<PasswordPolicyValidator>()
            .AddEntityFrameworkStores<AppDbContext>();
    }
}
