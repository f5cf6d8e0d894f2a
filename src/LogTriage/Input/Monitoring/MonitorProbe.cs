using System.Globalization;
using System.Net;
using System.Text.Json;

namespace LogTriage.Input.Monitoring;

/// <summary>
/// Reads a nats-server monitoring port: <c>/varz</c> (sampled <c>samples</c> times, <c>interval</c>
/// apart, for CPU, memory, connection and slow-consumer trends), <c>/connz?state=closed</c> (every
/// page: the recently closed connections and why), <c>/jsz</c> and <c>/healthz</c>.
/// The first <c>/varz</c> must be the server's JSON, or the URL is not a NATS monitoring port.
/// </summary>
public sealed class MonitorProbe(MonitoringClient client)
{
    /// <summary>connz pages of this size; the server keeps 10,000 closed connections by default.</summary>
    private const int PageSize = 1024;
    private const int MaxPages = 10;

    public async Task<MonitorReadings> ReadAsync(int samples, TimeSpan interval, CancellationToken cancel = default)
    {
        var started = DateTime.UtcNow;
        var varz = new List<VarzSample> { await ReadVarzAsync(cancel) };
        var closed = await ReadClosedAsync(cancel);
        var jetStream = await ReadJetStreamAsync(cancel);
        var health = await ReadHealthAsync(cancel);
        for (var i = 1; i < samples; i++)
        {
            var due = started + interval * i;
            var wait = due - DateTime.UtcNow;
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, cancel);
            varz.Add(await ReadVarzAsync(cancel));
        }
        return new MonitorReadings(varz, closed, jetStream, health);
    }

    private async Task<VarzSample> ReadVarzAsync(CancellationToken cancel)
    {
        var response = await client.GetAsync("varz", cancel);
        if (response.Status == HttpStatusCode.Unauthorized || response.Status == HttpStatusCode.Forbidden)
            throw new MonitoringException($"{Shown("varz")}: access refused ({(int)response.Status} {response.Status}); give user:password@ in the URL");
        if (!response.IsSuccess)
            throw new MonitoringException($"{Shown("varz")}: answered {(int)response.Status} {ReasonPhrase(response.Status)}; not a NATS monitoring port");
        if (response.Json is not { ValueKind: JsonValueKind.Object } v || !v.TryGetProperty("server_id", out _) || !v.TryGetProperty("mem", out _))
            throw new MonitoringException($"{Shown("varz")}: the answer is not nats-server's /varz JSON; not a NATS monitoring port");
        return new VarzSample(
            Time(v, "now") ?? DateTimeOffset.UtcNow,
            Time(v, "start"),
            Number(v, "cpu"),
            (int)Math.Max(1, Long(v, "cores")),
            Long(v, "mem"),
            Long(v, "connections"),
            Long(v, "max_connections"),
            Long(v, "slow_consumers"));
    }

    private async Task<IReadOnlyList<ClosedConnection>> ReadClosedAsync(CancellationToken cancel)
    {
        var closed = new List<ClosedConnection>();
        for (var page = 0; page < MaxPages; page++)
        {
            var path = $"connz?state=closed&auth=true&limit={PageSize}&offset={page * PageSize}";
            var response = await client.GetAsync(path, cancel);
            if (!response.IsSuccess || response.Json is not { ValueKind: JsonValueKind.Object } c)
                throw new MonitoringException($"{Shown(path)}: answered {(int)response.Status} {ReasonPhrase(response.Status)} without the server's JSON");
            if (!c.TryGetProperty("connections", out var list) || list.ValueKind != JsonValueKind.Array)
                break;
            foreach (var item in list.EnumerateArray())
                closed.Add(new ClosedConnection(
                    Long(item, "cid"),
                    Text(item, "type") ?? "nats",
                    Text(item, "ip"),
                    item.TryGetProperty("port", out var port) && port.TryGetInt32(out var p) ? p : null,
                    Time(item, "start"),
                    Time(item, "stop"),
                    Text(item, "reason") ?? "Unknown State",
                    Text(item, "name"),
                    Text(item, "lang"),
                    Text(item, "version"),
                    Text(item, "account"),
                    Text(item, "authorized_user")));
            if (list.GetArrayLength() < PageSize || closed.Count >= Long(c, "total"))
                break;
        }
        return closed;
    }

    /// <summary>Null when JetStream is off, or when the server has no /jsz (older than 2.2).</summary>
    private async Task<JetStreamUsage?> ReadJetStreamAsync(CancellationToken cancel)
    {
        var response = await client.GetAsync("jsz", cancel);
        if (!response.IsSuccess || response.Json is not { ValueKind: JsonValueKind.Object } j)
            return null;
        if (j.TryGetProperty("disabled", out var disabled) && disabled.ValueKind == JsonValueKind.True)
            return null;
        if (!j.TryGetProperty("config", out var config) || config.ValueKind != JsonValueKind.Object)
            return null;
        return new JetStreamUsage(Time(j, "now") ?? DateTimeOffset.UtcNow, Long(j, "memory"), Long(config, "max_memory"), Long(j, "storage"), Long(config, "max_storage"));
    }

    /// <summary>An unhealthy server answers 503 with a JSON status; null when the server has no /healthz.</summary>
    private async Task<HealthStatus?> ReadHealthAsync(CancellationToken cancel)
    {
        var response = await client.GetAsync("healthz", cancel);
        var now = DateTimeOffset.UtcNow;
        if (response.Json is { ValueKind: JsonValueKind.Object } h && Text(h, "status") is { } status)
            return new HealthStatus(now, status, Text(h, "error"));
        if (response.Status == HttpStatusCode.NotFound)
            return null;
        return response.IsSuccess ? null : new HealthStatus(now, "unavailable", $"{(int)response.Status} {ReasonPhrase(response.Status)}");
    }

    private string Shown(string path) => $"{client.Url.Display}/{path}";

    private static string ReasonPhrase(HttpStatusCode status) =>
        System.Text.RegularExpressions.Regex.Replace(status.ToString(), "(?<=[a-z])(?=[A-Z])", " ");

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;

    private static long Long(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : 0;

    private static double Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : 0;

    private static DateTimeOffset? Time(JsonElement e, string name) =>
        Text(e, name) is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            && t.Year > 1 ? t : null;
}
