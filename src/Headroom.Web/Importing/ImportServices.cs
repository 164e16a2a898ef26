namespace Headroom.Web.Importing;

public static class ImportServices
{
    public static IServiceCollection AddHeadroomImports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(ImportOptions.Section).Get<ImportOptions>() ?? new ImportOptions());
        services.AddSingleton<ImportUploads>();
        services.AddHostedService<ImportUploadSweeper>();
        return services;
    }
}
