namespace Headroom.Web;

public static class LocalUrl
{
    // Only paths on this site: "//host" and "/\host" are other sites to a browser.
    public static string OrHome(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";
}
