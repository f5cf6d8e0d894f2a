namespace LogTriage.Input.Monitoring;

/// <summary>
/// The address of a nats-server monitoring port (<c>http://host:8222</c>, optionally with a base
/// path and <c>user:password@</c> for a proxy in front of it). <see cref="Display"/> is the only
/// form ever printed: the password is masked.
/// </summary>
public sealed class MonitoringUrl
{
    private MonitoringUrl(Uri baseUri, string? user, string? password, string display)
    {
        BaseUri = baseUri;
        User = user;
        Password = password;
        Display = display;
    }

    /// <summary>The URL without credentials, ending in <c>/</c>.</summary>
    public Uri BaseUri { get; }

    public string? User { get; }

    public string? Password { get; }

    /// <summary>The URL as given, with the password replaced by <c>***</c>.</summary>
    public string Display { get; }

    /// <summary>Reads <c>http(s)://[user[:password]@]host[:port][/base]</c>; a bare <c>host:port</c> is read as http.</summary>
    public static bool TryParse(string text, out MonitoringUrl? url, out string error)
    {
        url = null;
        error = "";
        var trimmed = text.Trim();
        if (!trimmed.Contains("://", StringComparison.Ordinal))
            trimmed = "http://" + trimmed;
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.Host.Length == 0)
        {
            error = $"'{Mask(text)}' is not an http(s) URL of a monitoring port (e.g. http://127.0.0.1:8222)";
            return false;
        }
        if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            error = $"'{Mask(text)}': give the monitoring port's base URL, without a query";
            return false;
        }

        string? user = null, password = null;
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':');
            user = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            password = colon < 0 ? null : Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }

        var path = uri.AbsolutePath.EndsWith('/') ? uri.AbsolutePath : uri.AbsolutePath + "/";
        var builder = new UriBuilder(uri.Scheme, uri.Host, uri.Port, path);
        var display = new UriBuilder(uri.Scheme, uri.Host, uri.Port, uri.AbsolutePath == "/" ? "" : uri.AbsolutePath)
        {
            UserName = user is null ? "" : Uri.EscapeDataString(user),
            Password = password is null ? "" : "***",
        };
        url = new MonitoringUrl(builder.Uri, user, password, display.Uri.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.Fragment, UriFormat.UriEscaped).TrimEnd('/'));
        return true;
    }

    /// <summary>The address of one endpoint, e.g. <c>connz?state=closed</c>.</summary>
    public Uri Endpoint(string pathAndQuery) => new(BaseUri, pathAndQuery);

    /// <summary>Hides a password in text that failed to parse as a URL, so that it is never echoed.</summary>
    private static string Mask(string text)
    {
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        var start = scheme < 0 ? 0 : scheme + 3;
        var at = text.IndexOf('@', start);
        if (at < 0)
            return text;
        var colon = text.IndexOf(':', start);
        return colon >= 0 && colon < at ? text[..(colon + 1)] + "***" + text[at..] : text;
    }
}
