using LogTriage.Input;
using System.Text.Json;

namespace LogTriage.Parsing;

/// <summary>
/// Parses one CLEF input: each line is one event of the client. Once NATS.Net has logged its
/// connect (<c>Connect succeed {Name}, NATS {Url}</c>, or after a reconnect
/// <c>Connection succeeded {Name}, NATS {Url} [{ReconnectCount}]</c>), that event and every later
/// one carry the client's name: the server prints the same name in its connection prefix, so the
/// engine can join the two sides of one connection.
/// </summary>
public sealed class ClefLineParser(string input) : ILineParser
{
    private const string ConnectionCategory = "NATS.Client.Core.NatsConnection";

    private string? _clientName;
    private DateTimeOffset? _lastTime;

    public IEnumerable<LogEvent> Parse(IEnumerable<InputLine> lines)
    {
        foreach (var line in lines)
            yield return Read(line) ?? UnparsedLine.Event(input, line.Number, line.Text, _lastTime);
    }

    private LogEvent? Read(InputLine line)
    {
        if (!ClefLogFormat.MayBeClef(line.Text))
            return null;
        try
        {
            using var json = JsonDocument.Parse(line.Text);
            var root = json.RootElement;
            if (!ClefLogFormat.TryReadTime(root, out var time))
                return null;
            _lastTime = time;

            var template = String(root, "@mt");
            var message = String(root, "@m") ?? (template is null ? "" : ClefMessageTemplate.Render(template, root));
            if (NamesTheClient(root, template, message) is { } name)
                _clientName = name;

            var connection = _clientName is null ? null : new ConnectionInfo(ConnectionKind.Client, null, null, null, null, Name: _clientName);
            return new LogEvent(input, line.Number, time, ClefLogFormat.LevelOf(root), EventOrigin.Client, connection,
                ExceptionText.Append(message, String(root, "@x")), line.Text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The client's name, when this is one of NatsConnection's messages about its own connection.
    /// Other NATS.Net categories use a <c>{Name}</c> of their own (CommandWriter's <c>Created {Name}</c>).
    /// Without the template (RenderedCompactJsonFormatter), the name must show in the message.
    /// </summary>
    private static string? NamesTheClient(JsonElement root, string? template, string message)
    {
        if (String(root, "SourceContext") != ConnectionCategory || String(root, "Name") is not { Length: > 0 } name)
            return null;
        var named = template is not null
            ? template.Contains("{Name}", StringComparison.Ordinal)
            : message.Contains(name, StringComparison.Ordinal);
        return named ? name : null;
    }

    private static string? String(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
