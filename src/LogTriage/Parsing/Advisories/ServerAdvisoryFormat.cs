using System.Text.Json;
using LogTriage.Input;

namespace LogTriage.Parsing.Advisories;

/// <summary>
/// nats-server's disconnect and auth-error advisories, one JSON object per line, as
/// <c>nats sub '$SYS.ACCOUNT.*.DISCONNECT' --raw</c> or <c>'$SYS.SERVER.*.CLIENT.AUTH.ERR'</c>
/// print them (type <c>io.nats.server.advisory.v1.client_disconnect</c>, events.go). The server
/// publishes them at any log level, so they say why each client left where an INFO log says
/// nothing. Each becomes the server's own words for it, <c>Client connection closed: &lt;reason&gt;</c>,
/// with the client's id, address, name and account, so the server's rules read them unchanged.
/// </summary>
internal sealed class ServerAdvisoryFormat : ILogFormat
{
    public const string DisconnectType = "io.nats.server.advisory.v1.client_disconnect";

    public string Name => "nats-advisory";

    public double Recognise(IReadOnlyList<string> sample)
    {
        var nonEmpty = sample.Count(l => l.Trim().Length > 0);
        return nonEmpty == 0 ? 0 : (double)sample.Count(l => l.Contains(DisconnectType, StringComparison.Ordinal) && TryRead("", 0, l, out _)) / nonEmpty;
    }

    public ILineParser CreateParser(string inputName) => new Parser(inputName);

    public static bool TryRead(string input, long number, string text, out LogEvent? e)
    {
        e = null;
        var trimmed = text.Trim();
        if (!trimmed.StartsWith('{'))
            return false;
        try
        {
            using var json = JsonDocument.Parse(trimmed);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || String(root, "type") != DisconnectType)
                return false;
            var reason = String(root, "reason") ?? "unknown";
            DateTimeOffset? time = DateTimeOffset.TryParse(String(root, "timestamp"), System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var t) ? t : null;
            ConnectionInfo? connection = null;
            if (root.TryGetProperty("client", out var client) && client.ValueKind == JsonValueKind.Object)
            {
                var host = String(client, "host");
                long? id = client.TryGetProperty("id", out var idValue) && idValue.TryGetInt64(out var n) ? n : null;
                var kind = String(client, "kind") is { } k && k.Equals("Leafnode", StringComparison.OrdinalIgnoreCase) ? ConnectionKind.Leafnode
                    : String(client, "client_type") is "websocket" ? ConnectionKind.Websocket
                    : String(client, "client_type") is "mqtt" ? ConnectionKind.Mqtt
                    : ConnectionKind.Client;
                connection = new ConnectionInfo(kind, id, host, host, null, String(client, "ver"), String(client, "lang"), String(client, "name"), String(client, "acc"), String(client, "user"));
            }
            e = new LogEvent(input, number, time, LogLevel.Debug, EventOrigin.Server, connection, $"Client connection closed: {reason}", text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private sealed class Parser(string input) : ILineParser
    {
        public IEnumerable<LogEvent> Parse(IEnumerable<InputLine> lines)
        {
            foreach (var line in lines)
                yield return TryRead(input, line.Number, line.Text, out var e)
                    ? e!
                    : UnparsedLine.Event(input, line.Number, line.Text, null);
        }
    }
}
