using System.Globalization;
using System.Text.Json;

namespace LogTriage.Parsing.Wrappers;

/// <summary>
/// One JSON object per line as log platforms export what they collected: Google Cloud Logging
/// (<c>textPayload</c>, or <c>jsonPayload</c> for a structured line), <c>journalctl -o json</c>
/// (<c>MESSAGE</c>), Loki (<c>line</c>), Splunk (<c>_raw</c>, bare or in a search export's
/// <c>result</c>), an Elasticsearch hit (<c>_source.message</c> or <c>_source.log</c>), and
/// Filebeat or Vector events whose <c>message</c> is a server line. The collected line is parsed
/// as what it is; the platform's time, severity and program fill in.
/// </summary>
internal sealed class LogExportWrapper : ILineWrapper
{
    // Keys that hold somebody else's line whatever it says; "message" and "msg" hold an
    // application's own message in JSON-lines logs, so they count only around a server line.
    private static readonly string[] EnvelopeKeys = ["textPayload", "MESSAGE", "_raw", "line"];
    private static readonly string[] SourceKeys = ["message", "log"];
    private static readonly string[] ServerLineKeys = ["message", "msg"];
    private static readonly string[] TimeKeys = ["timestamp", "@timestamp", "time", "_time", "receiveTimestamp"];

    public string Name => "log-export";

    public bool TryUnwrap(string line, out UnwrappedLine inner)
    {
        inner = default;
        var s = line.AsSpan().TrimStart();
        if (s.IsEmpty || s[0] != '{' || !LooksLikeExport(s))
            return false;
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            return root.ValueKind == JsonValueKind.Object && TryRead(root, out inner);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>A cheap look for one of the keys before the line is parsed as JSON.</summary>
    private static bool LooksLikeExport(ReadOnlySpan<char> s) =>
        s.Contains("\"textPayload\"", StringComparison.Ordinal) || s.Contains("\"jsonPayload\"", StringComparison.Ordinal)
        || s.Contains("\"MESSAGE\"", StringComparison.Ordinal) || s.Contains("\"line\"", StringComparison.Ordinal)
        || s.Contains("\"_source\"", StringComparison.Ordinal) || s.Contains("\"_raw\"", StringComparison.Ordinal)
        || s.Contains("\"message\"", StringComparison.Ordinal) || s.Contains("\"msg\"", StringComparison.Ordinal);

    private static bool TryRead(JsonElement line, out UnwrappedLine inner)
    {
        inner = default;
        var hit = line.TryGetProperty("_source", out var source) && source.ValueKind == JsonValueKind.Object;
        // Splunk's search export wraps each event: {"preview":false,"result":{"_raw":...,"_time":...}}
        var root = !hit && line.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Object && result.TryGetProperty("_raw", out _)
            ? result
            : line;
        var record = hit ? source : root;
        string? text = null;
        foreach (var key in hit ? SourceKeys : EnvelopeKeys)
            if (String(record, key) is { } value && (key != "line" || !HasOwnMessage(record)))
            {
                text = value;
                break;
            }
        if (text is null && root.TryGetProperty("jsonPayload", out var payload) && payload.ValueKind == JsonValueKind.Object)
            text = payload.GetRawText();
        if (text is null)
            foreach (var key in ServerLineKeys)
                if (String(record, key) is { } value && ServerLinePrefixParser.TryFind(value, out _))
                {
                    text = value;
                    break;
                }
        if (text is null)
            return false;
        inner = new UnwrappedLine(text.TrimEnd('\n', '\r'), Time(hit ? [source, root] : [root]), Level(root), Program(root));
        return true;
    }

    /// <summary>zerolog and its kin name the caller "line" beside their message: that is no collected line.</summary>
    private static bool HasOwnMessage(JsonElement e) => ServerLineKeys.Any(k => e.TryGetProperty(k, out _));

    private static string? String(JsonElement e, string key) =>
        e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>The first time under a usual key of the elements, the collected record's first.</summary>
    private static DateTimeOffset? Time(JsonElement[] elements)
    {
        foreach (var e in elements)
            foreach (var key in TimeKeys)
                if (String(e, key) is { } text && Rfc3339.TryParse(text, out var time))
                    return time;
        // journald: microseconds since the epoch, as a string.
        return String(elements[^1], "__REALTIME_TIMESTAMP") is { } micros && long.TryParse(micros, NumberStyles.None, CultureInfo.InvariantCulture, out var us)
            ? DateTimeOffset.FromUnixTimeMilliseconds(us / 1000)
            : null;
    }

    private static LogLevel? Level(JsonElement root)
    {
        // journald's PRIORITY is the syslog severity a program gave (syslog(3), sd_journal); for
        // what it captured from stdout and stderr it is the unit's default, info, whatever the line says.
        if (String(root, "PRIORITY") is { Length: 1 } priority && char.IsAsciiDigit(priority[0]))
            return String(root, "_TRANSPORT") is "syslog" or "journal" ? SyslogWrapper.LevelOf(priority[0] - '0') : null;
        // Google's agents mark every line of a container's stderr ERROR and of stdout INFO: that
        // says which stream the line came from, not how bad it is.
        if (String(root, "logName") is { } log && (log.EndsWith("/stderr", StringComparison.Ordinal) || log.EndsWith("/stdout", StringComparison.Ordinal)))
            return null;
        return String(root, "severity") is { } severity && LogLevelNames.TryParse(severity, out var level) ? level : null;
    }

    private static string? Program(JsonElement root) =>
        String(root, "SYSLOG_IDENTIFIER") ?? String(root, "_COMM")
        ?? (root.TryGetProperty("resource", out var resource) && resource.ValueKind == JsonValueKind.Object
            && resource.TryGetProperty("labels", out var labels) && labels.ValueKind == JsonValueKind.Object
                ? String(labels, "container_name")
                : null);
}
