using LogTriage.Input;
using System.Text.Json;

namespace LogTriage.Parsing;

/// <summary>
/// Parses one CLEF input: each line is one event of the client, its message rendered from the
/// template and its exception appended. Which client the log is about is not decided here: a rule
/// that <c>identifies</c> the client (NATS.Net's "Connect succeed {Name}, NATS {Url}") names it
/// for the input's later lines.
/// </summary>
internal sealed class ClefLineParser(string input) : ILineParser
{
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
            return new LogEvent(input, line.Number, time, ClefLogFormat.LevelOf(root), EventOrigin.Client, null,
                ExceptionText.Append(message, String(root, "@x")), line.Text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? String(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
