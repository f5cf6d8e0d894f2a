namespace LogTriage.Parsing;

/// <summary>
/// Parses one nats-server log: prefixed lines become events with their connection fields, a Go
/// crash with its stacks becomes one fatal event, anything else is kept as an unparsed event.
/// </summary>
public sealed class NatsServerLineParser : ILineParser
{
    private readonly string _input;

    public NatsServerLineParser(string input) => _input = input;

    public IEnumerable<LogEvent> Parse(IEnumerable<InputLine> lines)
    {
        CrashEventBuilder? crash = null;
        DateTimeOffset? lastTime = null;

        foreach (var line in lines)
        {
            var text = AnsiColour.Strip(line.Text);
            var isServerLine = ServerLinePrefixParser.TryParse(text, out var prefix);

            if (crash is not null)
            {
                if (!isServerLine && GoCrashDetector.IsContinuation(text))
                {
                    crash.Add(text);
                    continue;
                }
                yield return crash.Build();
                crash = null;
            }

            if (isServerLine)
            {
                lastTime = prefix.Time ?? lastTime;
                yield return ServerEvent(line.Number, text, prefix);
            }
            else if (GoCrashDetector.IsCrashStart(text))
            {
                crash = new CrashEventBuilder(_input, line with { Text = text }, lastTime, EventOrigin.Server);
            }
            else
            {
                yield return PlainEvent(_input, line.Number, text, lastTime);
            }
        }

        if (crash is not null)
            yield return crash.Build();
    }

    private LogEvent ServerEvent(long number, string text, ServerLinePrefix prefix)
    {
        var body = text.AsSpan(prefix.MessageStart);
        var connection = ConnectionPrefixParser.TryParse(body, out var messageStart);
        var message = body[messageStart..].TrimEnd().ToString();
        return new LogEvent(_input, number, prefix.Time, prefix.Level, EventOrigin.Server, connection, message, text);
    }

    /// <summary>
    /// A server message without the logger's prefix, as the server writes it to syslog: the
    /// connection prefix is still there, the level comes from the syslog severity when known.
    /// </summary>
    internal static LogEvent BareMessageEvent(string input, long number, string text, LogLevel? level)
    {
        var connection = ConnectionPrefixParser.TryParse(text, out var messageStart);
        var message = text.AsSpan(messageStart).Trim().ToString();
        return new LogEvent(input, number, null, level ?? LogLevel.Unknown, EventOrigin.Server, connection, message, text);
    }

    /// <summary>A line no format understood: kept, so rules on plain text still see it.</summary>
    internal static LogEvent PlainEvent(string input, long number, string text, DateTimeOffset? time) =>
        new(input, number, time, LogLevel.Unknown, EventOrigin.Unknown, null, text.Trim(), text) { Parsed = text.Length == 0 };
}
