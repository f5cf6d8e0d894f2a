using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace LogTriage.Input.Monitoring;

/// <summary>
/// Reads JSON from a monitoring port. Every request has the same deadline; every failure becomes
/// a <see cref="MonitoringException"/> with one line that names the URL without its password.
/// </summary>
public sealed class MonitoringClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly MonitoringUrl _url;
    private readonly TimeSpan _timeout;

    public MonitoringClient(MonitoringUrl url, TimeSpan timeout)
    {
        _url = url;
        _timeout = timeout;
        var handler = new SocketsHttpHandler { ConnectTimeout = timeout, AllowAutoRedirect = false, UseProxy = false };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        if (url.User is not null)
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{url.User}:{url.Password}")));
    }

    /// <summary>GETs an endpoint; returns its status and parsed JSON body (null when the body is not JSON).</summary>
    public async Task<MonitoringResponse> GetAsync(string pathAndQuery, CancellationToken cancel = default)
    {
        var endpoint = _url.Endpoint(pathAndQuery);
        var shown = $"{_url.Display}/{pathAndQuery}";
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        deadline.CancelAfter(_timeout);
        try
        {
            using var response = await _http.GetAsync(endpoint, HttpCompletionOption.ResponseContentRead, deadline.Token);
            var body = await response.Content.ReadAsStringAsync(deadline.Token);
            return new MonitoringResponse(response.StatusCode, TryParse(body), body);
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            throw new MonitoringException($"{shown}: no answer within {Seconds(_timeout)}");
        }
        catch (HttpRequestException e)
        {
            throw new MonitoringException($"{shown}: {Describe(e)}", e);
        }
    }

    public MonitoringUrl Url => _url;

    public void Dispose() => _http.Dispose();

    private string Describe(HttpRequestException e)
    {
        var socket = e.InnerException as SocketException ?? e.InnerException?.InnerException as SocketException;
        return socket?.SocketErrorCode switch
        {
            SocketError.ConnectionRefused => "connection refused (is the monitoring port enabled, e.g. nats-server -m 8222?)",
            SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => $"cannot resolve host '{_url.BaseUri.Host}'",
            SocketError.TimedOut => $"no answer within {Seconds(_timeout)}",
            SocketError.NetworkUnreachable or SocketError.HostUnreachable => "host unreachable",
            SocketError.ConnectionReset => "connection reset by the server",
            { } code => $"cannot connect ({code})",
            null when e.HttpRequestError == HttpRequestError.NameResolutionError => $"cannot resolve host '{_url.BaseUri.Host}'",
            null when e.HttpRequestError is HttpRequestError.InvalidResponse or HttpRequestError.ResponseEnded => "the answer is not HTTP; is this the monitoring port (not the client port)?",
            null when e.HttpRequestError == HttpRequestError.SecureConnectionError => "TLS handshake failed",
            _ => OneLine(e.Message),
        };
    }

    private static JsonElement? TryParse(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();

    internal static string Seconds(TimeSpan t) => t.TotalSeconds >= 1 && t.TotalSeconds % 1 == 0 ? $"{t.TotalSeconds:0}s" : $"{t.TotalMilliseconds:0}ms";
}
