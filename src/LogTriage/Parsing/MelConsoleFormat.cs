using LogTriage.Input;
using System.Text;
using System.Text.RegularExpressions;

namespace LogTriage.Parsing;

/// <summary>
/// Microsoft.Extensions.Logging's console output, as a NATS.Net application writes it with
/// <c>AddConsole()</c>: a header <c>warn: NATS.Client.Core.NatsConnection[1001]</c>, then the
/// message and any exception on lines indented by six spaces; or the single-line form
/// (<c>info: Category[1001] message</c>); either may start with a time stamp.
/// </summary>
public sealed partial class MelConsoleFormat : ILogFormat
{
    private const int MaxEventLines = 200;
    private const string Padding = "      ";

    public string Name => "mel-console";

    [GeneratedRegex(@"^(?:(?<time>\S.*?) )?(?<level>trce|dbug|info|warn|fail|crit): (?<category>[^\s\[]+)\[(?<id>-?\d+)\](?: (?<message>.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Header();

    public double Recognise(IReadOnlyList<string> sample)
    {
        var nonEmpty = sample.Count(l => l.Length > 0);
        if (nonEmpty == 0)
            return 0;
        var headers = sample.Count(l => l.Length > 0 && Header().IsMatch(AnsiColour.Strip(l)));
        // Indented lines alone are no console output of .NET: a Java stack trace or a Python traceback
        // pasted into a code block is indented as deep.
        if (headers == 0)
            return 0;
        var indented = sample.Count(l => l.StartsWith("      ", StringComparison.Ordinal));
        return (double)(headers + indented) / nonEmpty;
    }

    public ILineParser CreateParser(string inputName) => new Parser(inputName);

    private sealed class Parser(string input) : ILineParser
    {
        // Lines outside the logger's blocks: what else the process printed, such as the runtime's
        // report of an unhandled exception, frames and all.
        private readonly ExceptionRecordGatherer _loose = new();
        private DateTimeOffset? _lastTime;

        public IEnumerable<LogEvent> Parse(IEnumerable<InputLine> lines)
        {
            Pending? pending = null;
            foreach (var line in lines)
            {
                var text = AnsiColour.Strip(line.Text);
                if (pending is not null && (text.StartsWith("      ", StringComparison.Ordinal) || (text.Length > 0 && char.IsWhiteSpace(text[0]))))
                {
                    pending.Add(text);
                    continue;
                }
                if (pending is not null)
                {
                    var built = pending.Build();
                    _lastTime = built.Time ?? _lastTime;
                    yield return built;
                    pending = null;
                }

                var header = Header().Match(text);
                if (header.Success)
                {
                    foreach (var record in _loose.Flush())
                        yield return Loose(record);
                    pending = new Pending(input, line.Number, header, text);
                }
                else
                    foreach (var record in _loose.Add(line with { Text = text }))
                        yield return Loose(record);
            }
            if (pending is not null)
                yield return pending.Build();
            foreach (var record in _loose.Flush())
                yield return Loose(record);
        }

        private LogEvent Loose(ExceptionRecordGatherer.Record record) =>
            record.HasException
                ? GatheredRecordEvent.Build(input, record, _lastTime, EventOrigin.Client)
                : UnparsedLine.Event(input, record.Lines[0].Number, record.Lines[0].Text, null);
    }

    private sealed class Pending(string input, long number, Match header, string first)
    {
        private readonly List<string> _body = header.Groups["message"].Success ? [WithoutStackFrames(header.Groups["message"].Value)] : [];
        private readonly StringBuilder _text = new(first);
        private int _lines = 1;

        public void Add(string line)
        {
            _lines++;
            if (_lines > MaxEventLines)
                return;
            // Without the console's six-space padding, so the exception's own indentation (frames) stays.
            _body.Add(line.StartsWith(Padding, StringComparison.Ordinal) ? line[Padding.Length..].TrimEnd() : line.Trim());
            _text.Append('\n').Append(line);
        }

        public LogEvent Build()
        {
            var message = _body.Count > 0 ? _body[0].Trim() : "";
            var exception = _body.Count > 1 ? string.Join('\n', _body.Skip(1)) : null;
            var time = header.Groups["time"].Success ? LeadingTimestamp.TryRead(header.Groups["time"].Value + " ") ?? null : null;
            return new LogEvent(input, number, time, LevelOf(header.Groups["level"].Value), EventOrigin.Client, null,
                ExceptionText.Append(message, exception), _text.ToString()) { LineCount = _lines };
        }

        /// <summary>The single-line form writes the exception on the same line, frames and all.</summary>
        private static string WithoutStackFrames(string message)
        {
            var frames = message.IndexOf("   at ", StringComparison.Ordinal);
            return frames < 0 ? message : message[..frames].TrimEnd();
        }

        private static LogLevel LevelOf(string level) => level switch
        {
            "trce" => LogLevel.Trace,
            "dbug" => LogLevel.Debug,
            "info" => LogLevel.Info,
            "warn" => LogLevel.Warning,
            "fail" => LogLevel.Error,
            _ => LogLevel.Fatal,
        };
    }
}
