using System.Globalization;
using System.Text;
using System.Text.Json;
using LogTriage.Parsing;

namespace LogTriage.Parsing.Monitoring;

/// <summary>
/// The text form of a monitor event, one line each: what <c>probe --save</c> writes, what rule
/// examples use, and what the probe feeds the analysis through (so its events take the same path
/// as any log):
/// <code>
/// monitor 2026-11-26T20:39:44.310028Z DBG {"kind":"client","cid":4,"ip":"127.0.0.1","port":60124,"name":"orders","lang":"go","version":"1.2.3"} Client connection closed: Authentication Failure
/// monitor 2026-11-26T20:39:48.000000Z INF Monitor: cpu 97.5% to 99.0% of 2 cores in 3 samples over 4s
/// </code>
/// The word <c>monitor</c>, the time in ISO 8601 UTC (or <c>-</c>), the level (TRC DBG INF WRN ERR
/// FTL), optionally the connection as a JSON object with the field names of <c>/connz</c>
/// (<c>kind</c>, <c>cid</c>, <c>ip</c>, <c>port</c>, <c>name</c>, <c>lang</c>, <c>version</c>,
/// <c>account</c>, <c>user</c>), then the message.
/// </summary>
public static class MonitorEventLine
{
    public const string Tag = "monitor";

    public static string Write(LogEvent e)
    {
        var line = new StringBuilder(Tag).Append(' ');
        line.Append(e.Time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture) : "-");
        line.Append(' ').Append(LogLevelNames.ToShortName(e.Level == LogLevel.Unknown ? LogLevel.Info : e.Level)).Append(' ');
        if (e.Connection is { } c)
            line.Append(ConnectionJson(c)).Append(' ');
        if (e.Fields.Count > 0)
            line.Append(JsonSerializer.Serialize(e.Fields, MonitorFieldsJson.Relaxed.IReadOnlyDictionaryStringString)).Append(' ');
        return line.Append(e.Message.ReplaceLineEndings(" ")).ToString();
    }

    public static string WriteAll(IEnumerable<LogEvent> events)
    {
        var text = new StringBuilder();
        foreach (var e in events)
            text.Append(Write(e)).Append('\n');
        return text.ToString();
    }

    /// <summary>Reads one line of this form; false when the line is not one.</summary>
    public static bool TryRead(string input, long number, string text, out LogEvent? e)
    {
        e = null;
        var parts = text.Split(' ', 4);
        if (parts.Length < 4 || parts[0] != Tag)
            return false;
        DateTimeOffset? time = null;
        if (parts[1] != "-")
        {
            if (!DateTimeOffset.TryParse(parts[1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
                || !parts[1].Contains('T'))
                return false;
            time = t;
        }
        if (parts[2].Length != 3 || !LogLevelNames.TryParse(parts[2], out var level))
            return false;

        var rest = parts[3];
        ConnectionInfo? connection = null;
        if (rest.StartsWith("{\"kind\"", StringComparison.Ordinal))
        {
            if (!TryReadConnection(rest, out connection, out var end))
                return false;
            rest = rest[end..].TrimStart();
        }
        IReadOnlyDictionary<string, string>? fields = null;
        if (rest.StartsWith("{\"reading\"", StringComparison.Ordinal))
        {
            if (!TryReadFields(rest, out fields, out var end))
                return false;
            rest = rest[end..].TrimStart();
        }
        e = new LogEvent(input, number, time, level, EventOrigin.Monitor, connection, rest.Trim(), text);
        if (fields is not null)
            e = e with { Fields = fields };
        return true;
    }

    /// <summary>Whether the line starts like a monitor line (the cheap test of format detection).</summary>
    public static bool LooksLike(string text) =>
        text.Length > Tag.Length + 12 && text.StartsWith(Tag + " ", StringComparison.Ordinal)
        && (text[Tag.Length + 1] == '-' || char.IsAsciiDigit(text[Tag.Length + 1]));

    private static string ConnectionJson(ConnectionInfo c)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("kind", c.Kind.ToString().ToLowerInvariant());
            if (c.Id is { } id)
                json.WriteNumber("cid", id);
            if (c.Host is not null)
                json.WriteString("ip", c.Host);
            if (c.Port is { } port)
                json.WriteNumber("port", port);
            WriteOptional(json, "name", c.Name);
            WriteOptional(json, "lang", c.Lang);
            WriteOptional(json, "version", c.Version);
            WriteOptional(json, "account", c.Account);
            WriteOptional(json, "user", c.User);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
            json.WriteString(name, value);
    }

    private static bool TryReadConnection(string text, out ConnectionInfo? connection, out int end)
    {
        connection = null;
        if (!TryReadObject(text, out var bytes, out end))
            return false;
        try
        {
            using var json = JsonDocument.Parse(bytes);
            var o = json.RootElement;
            var kind = Enum.TryParse<ConnectionKind>(Text(o, "kind"), ignoreCase: true, out var k) ? k : ConnectionKind.Client;
            long? id = o.TryGetProperty("cid", out var cid) && cid.TryGetInt64(out var n) ? n : null;
            var ip = Text(o, "ip");
            int? port = o.TryGetProperty("port", out var p) && p.TryGetInt32(out var pn) ? pn : null;
            var address = ip is null ? null : ip.Contains(':') ? $"[{ip}]:{port}" : $"{ip}:{port}";
            connection = new ConnectionInfo(kind, id, address, ip, port, Text(o, "version"), Text(o, "lang"), Text(o, "name"), Text(o, "account"), Text(o, "user"));
            return true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    private static bool TryReadFields(string text, out IReadOnlyDictionary<string, string>? fields, out int end)
    {
        fields = null;
        if (!TryReadObject(text, out var bytes, out end))
            return false;
        try
        {
            fields = JsonSerializer.Deserialize(bytes.Span, MonitorFieldsJson.Relaxed.DictionaryStringString);
            return fields is not null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The JSON object the text starts with, and where the text after it begins.</summary>
    private static bool TryReadObject(string text, out ReadOnlyMemory<byte> json, out int end)
    {
        json = default;
        end = 0;
        var bytes = Encoding.UTF8.GetBytes(text);
        try
        {
            var reader = new Utf8JsonReader(bytes, isFinalBlock: true, state: default);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return false;
            reader.Skip();
            var length = (int)reader.BytesConsumed;
            end = Encoding.UTF8.GetCharCount(bytes, 0, length);
            json = bytes.AsMemory(0, length);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
