using LogTriage.Input;
namespace LogTriage.Parsing;

/// <summary>
/// Parses one nats-server log: prefixed lines become events with their connection fields, a Go
/// crash with its stacks becomes one fatal event, anything else is kept as an unparsed event.
/// </summary>
public sealed class NatsServerLineParser : ILineParser, ILineSkipper
{
    private readonly string _input;
    private readonly ILineRelevance _relevance;
    private bool _inCrash;
    private DateTimeOffset? _lastTime;

    public NatsServerLineParser(string input, ILineRelevance? relevance = null)
    {
        _input = input;
        _relevance = relevance ?? EveryLineMatters.Instance;
    }

    /// <summary>
    /// Skips a well-formed line below warning level whose message holds no rule literal: the bulk
    /// of a debug or trace log. Crash dumps, unparsable lines and warnings always go through.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public bool IsSkippable(ReadOnlySpan<char> line, out DateTimeOffset? time)
    {
        time = null;
        if (line.IsEmpty || !ServerLinePrefixParser.TryParse(line, out var prefix))
            return false;
        time = prefix.Time;
        return prefix.Level < LogLevel.Warning && !_relevance.MayMatter(line[prefix.MessageStart..], prefix.Level, EventOrigin.Server);
    }

    public bool CanSkipNow => !_inCrash;

    public void Skipped(DateTimeOffset? time) => _lastTime = time ?? _lastTime;

    public IEnumerable<LogEvent> Parse(IEnumerable<InputLine> lines)
    {
        CrashEventBuilder? crash = null;

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
                _inCrash = false;
            }

            if (isServerLine)
            {
                _lastTime = prefix.Time ?? _lastTime;
                yield return ServerEvent(line.Number, text, prefix);
            }
            else if (GoCrashDetector.IsCrashStart(text))
            {
                crash = new CrashEventBuilder(_input, line with { Text = text }, _lastTime, EventOrigin.Server);
                _inCrash = true;
            }
            else
            {
                yield return UnparsedLine.Event(_input, line.Number, text, _lastTime);
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
}
