using LogTriage.Input;
using System.Text;

namespace LogTriage.Parsing;

/// <summary>
/// Gathers a Go crash (the panic line, the signal line, and every goroutine stack after it) into
/// one <see cref="LogEvent"/>. Keeps a bounded head of the text so a dump of thousands of
/// goroutines costs no more memory than a short one.
/// </summary>
internal sealed class CrashEventBuilder
{
    private const int MaxKeptLines = 120;

    private readonly string _input;
    private readonly long _firstLine;
    private readonly DateTimeOffset? _time;
    private readonly string _message;
    private readonly StringBuilder _text = new();
    private int _lines;

    private readonly EventOrigin _origin;

    public CrashEventBuilder(string input, InputLine first, DateTimeOffset? lastSeenTime, EventOrigin origin)
    {
        _origin = origin;
        _input = input;
        _firstLine = first.Number;
        // The runtime writes no time; the crash happened right after the last stamped line.
        _time = lastSeenTime;
        _message = first.Text.TrimEnd();
        Add(first.Text);
    }

    public void Add(string line)
    {
        _lines++;
        if (_lines <= MaxKeptLines)
        {
            if (_lines > 1)
                _text.Append('\n');
            _text.Append(line);
        }
    }

    public LogEvent Build()
    {
        var text = _text.ToString().TrimEnd();
        if (_lines > MaxKeptLines)
            text += $"\n... ({_lines - MaxKeptLines} more lines)";
        var origin = _origin switch
        {
            EventOrigin.Unknown when GoCrashDetector.MentionsServer(text) => EventOrigin.Server,
            // Read as a server's because it stood among server lines, but its stack is another program's.
            EventOrigin.Server when GoCrashDetector.ShowsOnlyOtherCode(text) => EventOrigin.Unknown,
            _ => _origin,
        };
        return new LogEvent(_input, _firstLine, _time, LogLevel.Fatal, origin, null, _message, text)
        {
            LineCount = _lines,
        };
    }
}
