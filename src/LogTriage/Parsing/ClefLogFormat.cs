using System.Text.Json;

namespace LogTriage.Parsing;

/// <summary>
/// Serilog's compact JSON (CLEF), as Serilog.Formatting.Compact writes it: one object per line,
/// <c>@t</c> time, <c>@l</c> level (absent means Information), <c>@m</c> rendered message or
/// <c>@mt</c> template, <c>@x</c> exception, then the properties. Read with System.Text.Json.
/// After NATS.Net logs its connect (<c>Connect succeed {Name}, NATS {Url}</c>), the input's events
/// carry that client name, which the server prints in its connection prefix: the engine joins the
/// two sides on it.
/// </summary>
public sealed class ClefLogFormat : ILogFormat
{
    public string Name => "clef";

    public double Recognise(IReadOnlyList<string> sample)
    {
        var nonEmpty = sample.Count(l => l.Length > 0);
        return nonEmpty == 0 ? 0 : (double)sample.Count(l => TryRead(l, null) is not null) / nonEmpty;
    }

    public ILineParser CreateParser(string inputName) => new Parser(inputName);

    private static ClefEntry? TryRead(string line, string? clientName)
    {
        var trimmed = line.AsSpan().TrimStart();
        if (trimmed.IsEmpty || trimmed[0] != '{' || !line.Contains("\"@t\"", StringComparison.Ordinal))
            return null;
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("@t", out var t)
                || t.ValueKind != JsonValueKind.String || !DateTimeOffset.TryParse(t.GetString(), System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.AssumeUniversal, out var time))
                return null;

            var level = root.TryGetProperty("@l", out var l) && l.ValueKind == JsonValueKind.String
                ? LevelOf(l.GetString()!)
                : LogLevel.Info;
            var template = root.TryGetProperty("@mt", out var mt) && mt.ValueKind == JsonValueKind.String ? mt.GetString() : null;
            var message = root.TryGetProperty("@m", out var m) && m.ValueKind == JsonValueKind.String
                ? m.GetString()!
                : template is null ? "" : ClefMessageTemplate.Render(template, root);
            var exception = root.TryGetProperty("@x", out var x) && x.ValueKind == JsonValueKind.String ? x.GetString() : null;

            // NATS.Net names its connection in its connect messages' {Name} property (with @m only
            // the property is left to tell, the template being a hash).
            if (root.TryGetProperty("SourceContext", out var source) && source.ValueKind == JsonValueKind.String
                && source.GetString()!.StartsWith("NATS.", StringComparison.Ordinal)
                && root.TryGetProperty("Name", out var name) && name.ValueKind == JsonValueKind.String)
                clientName = name.GetString();

            return new ClefEntry(time, level, ExceptionText.Append(message, exception), clientName);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static LogLevel LevelOf(string level) => level switch
    {
        "Verbose" => LogLevel.Trace,
        "Debug" => LogLevel.Debug,
        "Information" => LogLevel.Info,
        "Warning" => LogLevel.Warning,
        "Error" => LogLevel.Error,
        "Fatal" => LogLevel.Fatal,
        _ => LogLevelNames.TryParse(level, out var parsed) ? parsed : LogLevel.Unknown,
    };

    private sealed record ClefEntry(DateTimeOffset Time, LogLevel Level, string Message, string? ClientName);

    private sealed class Parser(string input) : ILineParser
    {
        public IEnumerable<LogEvent> Parse(IEnumerable<InputLine> lines)
        {
            string? clientName = null;
            foreach (var line in lines)
            {
                if (TryRead(line.Text, clientName) is not { } entry)
                {
                    yield return NatsServerLineParser.PlainEvent(input, line.Number, line.Text, null);
                    continue;
                }
                clientName = entry.ClientName;
                var connection = clientName is null ? null : new ConnectionInfo(ConnectionKind.Client, null, null, null, null, Name: clientName);
                yield return new LogEvent(input, line.Number, entry.Time, entry.Level, EventOrigin.Client, connection, entry.Message, line.Text);
            }
        }
    }
}
