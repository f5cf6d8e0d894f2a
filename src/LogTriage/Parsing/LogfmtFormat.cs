using LogTriage.Input;
namespace LogTriage.Parsing;

/// <summary>
/// logfmt lines, as Go applications write them through logrus' text formatter or slog's text
/// handler: <c>time="2026-03-02T08:15:00Z" level=error msg="nats: stale connection"</c>.
/// </summary>
internal sealed class LogfmtFormat : ILogFormat
{
    public string Name => "logfmt";

    public double Recognise(IReadOnlyList<string> sample)
    {
        var nonEmpty = sample.Count(l => l.Length > 0);
        return nonEmpty == 0 ? 0 : 0.95 * sample.Count(l => TryRead(l, out _, out _, out _)) / nonEmpty;
    }

    public ILineParser CreateParser(string inputName) => new Parser(inputName);

    private static bool TryRead(string line, out string message, out LogLevel level, out DateTimeOffset? time)
    {
        message = "";
        level = LogLevel.Unknown;
        time = null;
        var pairs = Pairs(line);
        if (!(pairs.TryGetValue("msg", out var msg) || pairs.TryGetValue("message", out msg)))
            return false;
        if (!(pairs.TryGetValue("level", out var lvl) || pairs.TryGetValue("lvl", out lvl)))
            return false;
        message = msg;
        level = LogLevelNames.TryParse(lvl, out var parsed) ? parsed : LogLevel.Unknown;
        if ((pairs.TryGetValue("time", out var t) || pairs.TryGetValue("ts", out t)) && Wrappers.Rfc3339.TryParse(t, out var stamp))
            time = stamp;
        if (pairs.TryGetValue("error", out var error) || pairs.TryGetValue("err", out error))
            message = ExceptionText.Append(message, error);
        return true;
    }

    /// <summary><c>key=value</c> and <c>key="quoted value"</c> pairs; a line with anything else between them is not logfmt.</summary>
    private static Dictionary<string, string> Pairs(string line)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && line[i] == ' ')
                i++;
            var keyStart = i;
            while (i < line.Length && line[i] != '=' && line[i] != ' ')
                i++;
            if (i >= line.Length || line[i] != '=' || i == keyStart)
                return i >= line.Length && keyStart == i ? pairs : [];
            var key = line[keyStart..i];
            i++;
            string value;
            if (i < line.Length && line[i] == '"')
            {
                var text = new System.Text.StringBuilder();
                i++;
                while (i < line.Length && line[i] != '"')
                {
                    if (line[i] == '\\' && i + 1 < line.Length)
                    {
                        // Go's strconv.Quote (slog, logrus): a multi-line error keeps its lines.
                        i++;
                        text.Append(line[i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', var c => c });
                        i++;
                        continue;
                    }
                    text.Append(line[i++]);
                }
                if (i >= line.Length)
                    return [];
                i++;
                value = text.ToString();
            }
            else
            {
                var valueStart = i;
                while (i < line.Length && line[i] != ' ')
                    i++;
                value = line[valueStart..i];
            }
            pairs[key] = value;
        }
        return pairs;
    }

    private sealed class Parser(string input) : ILineParser
    {
        public IEnumerable<LogEvent> Parse(IEnumerable<InputLine> lines)
        {
            foreach (var line in lines)
            {
                if (TryRead(line.Text, out var message, out var level, out var time))
                    yield return StructuredLineEvent.Of(input, line.Number, time, level, message, line.Text);
                else
                    yield return UnparsedLine.Event(input, line.Number, line.Text, null);
            }
        }
    }
}
