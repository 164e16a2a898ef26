using System.Collections.Concurrent;

namespace Headroom.Benchmarks;

// Headroom's session cookies are `__Host-` and Secure; browsers send them to http://127.0.0.1,
// .NET's CookieContainer does not. This keeps name=value pairs and sends them back as a browser would.
public sealed class CookieJar : DelegatingHandler
{
    private readonly ConcurrentDictionary<string, string> _cookies = new();

    public CookieJar() : base(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
    {
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!_cookies.IsEmpty)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies)
            {
                var pair = setCookie.Split(';', 2)[0];
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var (name, value) = (pair[..equals].Trim(), pair[(equals + 1)..].Trim());
                if (value.Length == 0 || setCookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                {
                    _cookies.TryRemove(name, out _);
                }
                else
                {
                    _cookies[name] = value;
                }
            }
        }
        return response;
    }
}
