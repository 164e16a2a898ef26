using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Headroom.Web.Localization;

public static class Cultures
{
    public const string Chinese = "zh-CN";
    public const string English = "en";
    public const string CookieName = "__Host-headroom-culture";
    public static readonly IReadOnlyList<string> Supported = [Chinese, English];

    // The supported culture a requested name stands for ("en-GB" → "en"), or null.
    public static string? Match(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        return Supported.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase))
            ?? Supported.FirstOrDefault(c => name.StartsWith(c.Split('-')[0], StringComparison.OrdinalIgnoreCase));
    }

    public static void Remember(HttpResponse response, string culture) =>
        response.Cookies.Append(CookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)), new CookieOptions
        {
            Secure = true,
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(365),
        });

    public static void Configure(RequestLocalizationOptions options)
    {
        var cultures = Supported.Select(c => new CultureInfo(c)).ToList();
        options.DefaultRequestCulture = new RequestCulture(Chinese);
        options.SupportedCultures = cultures;
        options.SupportedUICultures = cultures;
        // The cookie holds the user's choice (set at sign-in from their profile); otherwise the browser's languages.
        options.RequestCultureProviders =
        [
            new CookieRequestCultureProvider { CookieName = CookieName },
            new AcceptLanguageHeaderRequestCultureProvider(),
        ];
    }
}
