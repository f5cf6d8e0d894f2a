using LogTriage.Input;
using System.Buffers;

namespace LogTriage.Parsing;

/// <summary>
/// Parses one nats-server log: lines carrying the server's signature become events with their
/// connection fields, wherever the signature stands (a platform's prefix before it is peeled); a
/// Go crash with its stacks becomes one fatal event, behind the same prefixes and at any
/// indentation; anything else is kept as an unparsed event.
/// </summary>
public sealed class NatsServerLineParser : ILineParser, ILineSkipper
{
    private readonly string _input;
    private readonly ILineRelevance _relevance;
    private bool _inCrash;
    private DateTimeOffset? _lastTime;

    /// <summary>
    /// The shapes of the prefixes seen before server lines, to find a crash dump behind them.
    /// Replaced, never changed, since the reader consults it from both cores between lines.
    /// </summary>
    private PrefixShapeSet _shapes = PrefixShapeSet.Unprefixed;

    public NatsServerLineParser(string input, ILineRelevance? relevance = null)
    {
        _input = input;
        _relevance = relevance ?? EveryLineMatters.Instance;
    }

    /// <summary>
    /// Skips a well-formed line below warning level whose message holds no rule literal: the bulk
    /// of a debug or trace log. Crash dumps, unparsable lines and warnings always go through, and so
    /// does a line behind a prefix of a shape not seen yet, so the parser learns that shape.
    /// </summary>
    public bool IsSkippable(ReadOnlySpan<char> line) => Test(line, _shapes, withTime: false, out _);

    ILineTest ILineSkipper.Snapshot() => new SkipTest(this, _shapes);

    public DateTimeOffset? TimeOf(ReadOnlySpan<char> line) => Test(line, _shapes, withTime: true, out var time) ? time : null;

    /// <summary>The skip test with the prefix shapes known when it was made.</summary>
    private sealed class SkipTest(NatsServerLineParser parser, PrefixShapeSet shapes) : ILineTest
    {
        public bool IsSkippable(ReadOnlySpan<char> line) => parser.Test(line, shapes, withTime: false, out _);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private bool Test(ReadOnlySpan<char> line, PrefixShapeSet shapes, bool withTime, out DateTimeOffset? time)
    {
        time = null;
        if (line.IsEmpty)
            return false;
        // The plain server log, by far the most common: its signature stands at the start.
        if (ServerLinePrefixParser.TryParse(line, out var prefix, withTime))
            return IsSkippable(line, prefix, out time);
        if (!ServerLinePrefixParser.TryFind(line, out prefix, withTime))
            return false;
        if (!AnsiColour.Contains(line[..prefix.Start]))
            return IsKnownPrefix(line[..prefix.Start], shapes) && IsSkippable(line, prefix, out time);

        // docker compose and stern colour the container name: its shape is learnt without colour.
        char[]? rented = null;
        var buffer = line.Length <= 512 ? stackalloc char[line.Length] : (rented = ArrayPool<char>.Shared.Rent(line.Length));
        try
        {
            var plain = buffer[..AnsiColour.Strip(line, buffer)];
            return ServerLinePrefixParser.TryFind(plain, out prefix, withTime)
                && IsKnownPrefix(plain[..prefix.Start], shapes) && IsSkippable(plain, prefix, out time);
        }
        finally
        {
            if (rented is not null)
                ArrayPool<char>.Shared.Return(rented);
        }
    }

    private bool IsSkippable(ReadOnlySpan<char> line, ServerLinePrefix prefix, out DateTimeOffset? time)
    {
        time = prefix.Time;
        if (prefix.Level >= LogLevel.Warning)
            return false;
        // The rules read the event's message, which the connection prefix is no part of: where the
        // literal search is costly it skips it (most of a debug line). A line with colour codes is
        // searched whole, as its event is made from the line without them.
        var message = !_relevance.IsCostly(prefix.Level, EventOrigin.Server) || line.Contains('\x1b') ? line[prefix.MessageStart..] : MessageOf(line, prefix);
        return !_relevance.MayMatter(message, prefix.Level, EventOrigin.Server);
    }

    /// <summary>The message of a server line: after the prefixes, without trailing blanks or a table's closing border.</summary>
    private static ReadOnlySpan<char> MessageOf(ReadOnlySpan<char> text, ServerLinePrefix prefix)
    {
        var body = BodyOf(text, prefix);
        return body[ConnectionPrefixParser.MessageStart(body)..];
    }

    private static ReadOnlySpan<char> BodyOf(ReadOnlySpan<char> text, ServerLinePrefix prefix)
    {
        var body = text[prefix.MessageStart..].TrimEnd();
        // A markdown table row closes its cell after the line: "| [7] 2026/... [INF] Server is ready |".
        if (body.EndsWith('|') && text[..prefix.Start].TrimStart().StartsWith('|'))
            body = body[..^1].TrimEnd();
        return body;
    }

    private static bool IsKnownPrefix(ReadOnlySpan<char> prefix, PrefixShapeSet shapes) =>
        shapes.IsFull || shapes.Contains(LinePrefixShape.Of(prefix));

    public bool CanSkipNow => !_inCrash;

    public void Skipped(DateTimeOffset? time) => _lastTime = time ?? _lastTime;

    public IEnumerable<LogEvent> Parse(IEnumerable<InputLine> lines)
    {
        CrashEventBuilder? crash = null;
        var crashShape = PrefixShapeSet.Unprefixed;
        var crashIndentation = 0;
        LinePrefixShape.BodyTest continues = (body, indentation) => GoCrashDetector.IsContinuation(body, indentation, crashIndentation);

        foreach (var line in lines)
        {
            var text = AnsiColour.Strip(line.Text);
            var isServerLine = ServerLinePrefixParser.TryFind(text, out var prefix);

            if (crash is not null)
            {
                if (!isServerLine && LinePrefixShape.TryFindBody(text, crashShape, continues, out var bodyStart, out _))
                {
                    // Indentation beyond the first line's is the dump's own (a frame's place): kept.
                    var deeper = Math.Max(0, LinePrefixShape.BlanksBefore(text, bodyStart) - crashIndentation);
                    crash.Add(text[(bodyStart - deeper)..]);
                    continue;
                }
                yield return crash.Build();
                crash = null;
                _inCrash = false;
            }

            if (isServerLine)
            {
                if (prefix.Start > 0)
                    _shapes = _shapes.With(LinePrefixShape.Of(text.AsSpan(0, prefix.Start)));
                _lastTime = prefix.Time ?? _lastTime;
                yield return ServerEvent(line.Number, text, prefix);
            }
            else if (LinePrefixShape.TryFindBody(text, _shapes, StartsCrash, out var bodyStart, out var shape))
            {
                crashIndentation = LinePrefixShape.BlanksBefore(text, bodyStart);
                crash = new CrashEventBuilder(_input, line with { Text = text[bodyStart..] }, _lastTime, EventOrigin.Server);
                crashShape = PrefixShapeSet.Of(shape);
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

    internal static bool StartsCrash(ReadOnlySpan<char> body, int indentation) => GoCrashDetector.IsCrashStart(body);

    private LogEvent ServerEvent(long number, string text, ServerLinePrefix prefix)
    {
        var body = BodyOf(text, prefix);
        var connection = ConnectionPrefixParser.TryParse(body, out var messageStart);
        var message = body[messageStart..].ToString();
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
