using LogTriage.Input.Monitoring;
using System.Globalization;
using LogTriage.Parsing;

namespace LogTriage.Parsing.Monitoring;

/// <summary>
/// Turns a probe's readings into events of origin <see cref="EventOrigin.Monitor"/>. Each carries
/// its reading as typed fields (<c>reading</c> names it) that <c>rules/monitor.yaml</c> compares
/// with <c>when.where</c>; the message says the same for people, and a closed connection's message
/// is the server's own debug text, so the server's close-reason rules apply to it as well:
/// <list type="bullet">
/// <item><c>Client connection closed: REASON</c> (DBG, at the close, with the connection): the
/// very text of the server's debug line, so the server's close-reason rules apply.</item>
/// <item><c>Monitor: cpu LOW% to HIGH% of N cores in K samples over SPAN</c>: /varz cpu divided by the cores, lowest and highest sample.</item>
/// <item><c>Monitor: memory grew from A MB to B MB (R.RRx) over SPAN</c>: first and last sample, only when it grew.</item>
/// <item><c>Monitor: connections C of max_connections M (P%)</c>: the last sample.</item>
/// <item><c>Monitor: slow_consumers rose from A to B over SPAN</c>: only when it rose between samples.</item>
/// <item><c>Monitor: slow_consumers N since the server started at TIME</c>: when the counter is not 0.</item>
/// <item><c>Monitor: JetStream memory|storage P% of its limit (A MB of B MB)</c>: when a limit is set.</item>
/// <item><c>Monitor: healthz status STATUS: ERROR</c> (WRN): when /healthz is not ok.</item>
/// </list>
/// Numbers use a dot and one decimal; MB is 1,048,576 bytes; SPAN is whole seconds (<c>4s</c>) or milliseconds below one.
/// </summary>
public static class MonitorEvents
{
    public const string Prefix = "Monitor: ";

    public static IReadOnlyList<LogEvent> From(MonitorReadings readings, string input)
    {
        var events = new List<LogEvent>();
        foreach (var c in readings.Closed)
            events.Add(Event(input, c.Stop ?? c.Start, LogLevel.Debug, Connection(c), $"Client connection closed: {c.Reason}",
                ("reading", "closed"), ("reason", c.Reason)));

        var samples = readings.Samples;
        if (samples.Count > 0)
        {
            var first = samples[0];
            var last = samples[^1];
            var seconds = (last.Time - first.Time).TotalSeconds;
            var span = Span(last.Time - first.Time);
            var count = samples.Count == 1 ? "1 sample" : $"{samples.Count} samples";
            var low = samples.Min(s => s.Cpu / s.Cores);
            var high = samples.Max(s => s.Cpu / s.Cores);
            events.Add(Event(input, last.Time, LogLevel.Info, null, $"{Prefix}cpu {N(low)}% to {N(high)}% of {last.Cores} cores in {count} over {span}",
                ("reading", "cpu"), ("cpu_low", N(low)), ("cpu_high", N(high)), ("cores", I(last.Cores)), ("samples", I(samples.Count)), ("span_seconds", N(seconds))));
            if (last.Memory > first.Memory && first.Memory > 0)
            {
                var growth = (double)last.Memory / first.Memory;
                events.Add(Event(input, last.Time, LogLevel.Info, null,
                    $"{Prefix}memory grew from {Mb(first.Memory)} MB to {Mb(last.Memory)} MB ({growth.ToString("0.00", CultureInfo.InvariantCulture)}x) over {span}",
                    ("reading", "memory"), ("memory_from", I(first.Memory)), ("memory_to", I(last.Memory)), ("memory_growth", growth.ToString("0.00", CultureInfo.InvariantCulture)), ("span_seconds", N(seconds))));
            }
            if (last.MaxConnections > 0)
                events.Add(Event(input, last.Time, LogLevel.Info, null,
                    $"{Prefix}connections {last.Connections} of max_connections {last.MaxConnections} ({N(100.0 * last.Connections / last.MaxConnections)}%)",
                    ("reading", "connections"), ("connections", I(last.Connections)), ("max_connections", I(last.MaxConnections)), ("connections_share", N(100.0 * last.Connections / last.MaxConnections))));
            if (last.SlowConsumers > first.SlowConsumers)
                events.Add(Event(input, last.Time, LogLevel.Info, null, $"{Prefix}slow_consumers rose from {first.SlowConsumers} to {last.SlowConsumers} over {span}",
                    ("reading", "slow_consumers_rise"), ("slow_consumers_from", I(first.SlowConsumers)), ("slow_consumers_to", I(last.SlowConsumers)), ("span_seconds", N(seconds))));
            if (last.SlowConsumers > 0)
                events.Add(Event(input, last.Time, LogLevel.Info, null,
                    $"{Prefix}slow_consumers {last.SlowConsumers} since the server started" + (last.Start is { } start ? $" at {start.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}" : ""),
                    ("reading", "slow_consumers"), ("slow_consumers", I(last.SlowConsumers))));
        }

        if (readings.JetStream is { } js)
        {
            if (js.MaxMemory > 0)
                events.Add(Event(input, js.Time, LogLevel.Info, null, $"{Prefix}JetStream memory {N(100.0 * js.Memory / js.MaxMemory)}% of its limit ({Mb(js.Memory)} MB of {Mb(js.MaxMemory)} MB)",
                    ("reading", "jetstream"), ("resource", "memory"), ("used", I(js.Memory)), ("limit", I(js.MaxMemory)), ("share", N(100.0 * js.Memory / js.MaxMemory))));
            if (js.MaxStorage > 0)
                events.Add(Event(input, js.Time, LogLevel.Info, null, $"{Prefix}JetStream storage {N(100.0 * js.Storage / js.MaxStorage)}% of its limit ({Mb(js.Storage)} MB of {Mb(js.MaxStorage)} MB)",
                    ("reading", "jetstream"), ("resource", "storage"), ("used", I(js.Storage)), ("limit", I(js.MaxStorage)), ("share", N(100.0 * js.Storage / js.MaxStorage))));
        }

        if (readings.Health is { } health && !string.Equals(health.Status, "ok", StringComparison.OrdinalIgnoreCase))
            events.Add(Event(input, health.Time, LogLevel.Warning, null, $"{Prefix}healthz status {health.Status}: {health.Error ?? "no error given"}",
                ("reading", "healthz"), ("status", health.Status), ("error", health.Error ?? "")));

        return events.OrderBy(e => e.Time ?? DateTimeOffset.MinValue).ToList();
    }

    /// <summary>The connection as the server's debug line would name it: <c>cid:N</c> (or <c>wid:</c>, <c>mid:</c>) at ip:port.</summary>
    public static ConnectionInfo Connection(ClosedConnection c)
    {
        var kind = c.Type.ToLowerInvariant() switch
        {
            "websocket" => ConnectionKind.Websocket,
            "mqtt" => ConnectionKind.Mqtt,
            _ => ConnectionKind.Client,
        };
        var address = c.Ip is null ? null : c.Ip.Contains(':') ? $"[{c.Ip}]:{c.Port}" : $"{c.Ip}:{c.Port}";
        return new ConnectionInfo(kind, c.Id, address, c.Ip, c.Port, c.Version, c.Lang, c.Name, c.Account, c.User);
    }

    // The message is for people; the fields are what rules compare.
    private static LogEvent Event(string input, DateTimeOffset? time, LogLevel level, ConnectionInfo? connection, string message, params (string Name, string Value)[] fields) =>
        new(input, 0, time?.ToUniversalTime(), level, EventOrigin.Monitor, connection, OneLine(message), "")
        {
            Fields = fields.ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal),
        };

    private static string I(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    private static string N(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Mb(long bytes) => N(bytes / 1048576.0);

    private static string Span(TimeSpan t) =>
        t.TotalSeconds >= 1 ? $"{Math.Round(t.TotalSeconds):0}s" : $"{Math.Max(0, Math.Round(t.TotalMilliseconds)):0}ms";
}
