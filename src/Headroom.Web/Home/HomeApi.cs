using System.Net;
using System.Text;
using Headroom.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Web.Home;

// The minimal host of the foundation: a health check and a summary of what the database holds.
// The signed-in UI and the full /api/v1 come with the web issue.
public static class HomeApi
{
    public static void MapHomeApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", GetHealth);
        app.MapGet("/", GetSummaryPage);
    }

    public static async Task<Ok<HealthResponse>> GetHealth(AppDbContext db, CancellationToken cancellationToken)
    {
        var canConnect = await db.Database.CanConnectAsync(cancellationToken);
        return TypedResults.Ok(new HealthResponse(canConnect ? "ok" : "database unavailable", db.Database.ProviderName ?? ""));
    }

    // Until sign-in exists (web issue), the cross-organization summary answers only on this machine.
    public static async Task<Results<ContentHttpResult, NotFound>> GetSummaryPage(HttpContext http, AppDbContext db, CancellationToken cancellationToken)
    {
        if (http.Connection.RemoteIpAddress is not { } remote || !IPAddress.IsLoopback(remote))
        {
            return TypedResults.NotFound();
        }
        var organizations = await db.Organizations.OrderBy(o => o.Name).Select(o => new { o.Id, o.Name, o.DefaultLocale }).ToListAsync(cancellationToken);
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>Headroom</title></head><body>");
        html.Append("<h1>Headroom</h1>");
        if (organizations.Count == 0)
        {
            html.Append("<p>No organization yet. Run <code>headroom seed --demo</code> or <code>headroom import</code>.</p>");
        }
        foreach (var org in organizations)
        {
            var counts = await db.Members.IgnoreQueryFilters().Where(m => m.OrgId == org.Id).CountAsync(cancellationToken);
            var accounts = await db.Accounts.IgnoreQueryFilters().Where(a => a.OrgId == org.Id).CountAsync(cancellationToken);
            var deals = await db.Deals.IgnoreQueryFilters().Where(d => d.OrgId == org.Id).CountAsync(cancellationToken);
            var activities = await db.SalesActivities.IgnoreQueryFilters().Where(a => a.OrgId == org.Id).CountAsync(cancellationToken);
            html.Append("<section><h2>").Append(WebUtility.HtmlEncode(org.Name)).Append("</h2><ul>")
                .Append("<li>Members / 成员: ").Append(counts).Append("</li>")
                .Append("<li>Accounts / 客户: ").Append(accounts).Append("</li>")
                .Append("<li>Deals / 商机: ").Append(deals).Append("</li>")
                .Append("<li>Activities / 销售活动: ").Append(activities).Append("</li>")
                .Append("</ul></section>");
        }
        html.Append("</body></html>");
        return TypedResults.Content(html.ToString(), "text/html; charset=utf-8");
    }
}

public sealed record HealthResponse(string Status, string Provider);
