using Headroom.Assignment;
using Headroom.Data;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Web.Assignment;

// Returns the leave covers whose leave is over, every hour, for every organization — so the
// workload index and the cover member's access end with the leave even when nobody opens a cover
// page (the pages and the API also do it before they read; docs/decisions/0029).
public sealed class LeaveCoverReturner(IServiceScopeFactory scopes, TimeProvider clock, ILogger<LeaveCoverReturner> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            List<long> organizations;
            await using (var scope = scopes.CreateAsyncScope())
            {
                organizations = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Organizations.Select(o => o.Id).ToListAsync(stoppingToken);
            }
            foreach (var orgId in organizations)
            {
                // One unit of work per organization: a context acts for one organization only.
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                db.Tenant.Enter(orgId);
                try
                {
                    var entries = await LeaveCoverService.ReturnDueAsync(db, AssignmentActor.System, clock.GetUtcNow().UtcDateTime, stoppingToken);
                    if (entries.Count > 0)
                    {
                        log.LogInformation("Returned {Count} covered follow-up(s) of organization {OrgId} after leave.", entries.Count, orgId);
                    }
                }
                catch (DbUpdateException e)
                {
                    // Another writer (a page that returned them first) won; the next hour tries again.
                    log.LogWarning(e, "Could not return the leave covers of organization {OrgId}.", orgId);
                }
            }
        }
    }
}
