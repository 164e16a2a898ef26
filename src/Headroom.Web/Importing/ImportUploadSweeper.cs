namespace Headroom.Web.Importing;

// Deletes expired uploads every few minutes, also when nobody opens the import page.
public sealed class ImportUploadSweeper(ImportUploads uploads, TimeProvider clock, ILogger<ImportUploadSweeper> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var deleted = uploads.Sweep();
                if (deleted > 0)
                {
                    log.LogInformation("Deleted {Count} expired import upload(s).", deleted);
                }
            }
            catch (IOException e)
            {
                log.LogWarning(e, "Could not sweep the import uploads folder.");
            }
        }
    }
}
