using LogTriage.Input;
namespace LogTriage.Parsing;

/// <summary>
/// Groups the lines of free text into records: a line alone, or a line with the exception text a
/// logger or the runtime printed after it (a JVM stack trace with its causes, a .NET exception
/// with its inner exceptions, a Node error, a CPython traceback chain, nats.c's error stack).
/// Each line is held until the next one shows whether it continues the record, so a record is
/// handed out one line late; <see cref="Flush"/> hands out the last.
/// </summary>
internal sealed class ExceptionRecordGatherer
{
    private const int MaxLinesPerRecord = 200;

    private readonly List<InputLine> _record = [];
    private InputLine? _heldHeader;
    private readonly List<InputLine> _heldBlanks = [];
    private State _state;
    private int _dropped;
    private int _headLines = 1;

    private enum State
    {
        /// <summary>Nothing yet, or a line that has no exception after it (yet).</summary>
        Plain,
        /// <summary>java.util.logging's time-and-source line: its level and message come next.</summary>
        JavaLoggingHeader,
        /// <summary>Frames and causes of a JVM, .NET, Node or nats.c exception are coming.</summary>
        Stack,
        /// <summary>Inside a CPython traceback, before its last line (the exception itself).</summary>
        Traceback,
        /// <summary>After a traceback's last line: blank lines and a chain sentence may still follow.</summary>
        TracebackEnded,
        /// <summary>After a chain sentence: the next traceback belongs to the same record.</summary>
        TracebackChained,
    }

    /// <summary>True while the open record may take more lines whatever they say, so none may be skipped.</summary>
    public bool InsideRecord => _state != State.Plain || _heldHeader is not null || _heldBlanks.Count > 0;

    /// <summary>A line was skipped unread: the held record can no longer take what follows.</summary>
    public IEnumerable<Record> Interrupt()
    {
        if (_record.Count > 0)
            yield return Take();
    }

    public IReadOnlyList<Record> Add(InputLine line)
    {
        var done = new List<Record>();
        var text = line.Text.AsSpan();
        if (_heldHeader is { } header)
        {
            _heldHeader = null;
            if (ExceptionLine.IsContinuation(text))
            {
                // The header begins an exception: it belongs to the line before it (a logger's
                // message), unless that line has its own exception or the header is the runtime's.
                if (_state != State.Plain || ExceptionLine.IsUncaughtHeader(header.Text) || _record.Count == 0 || string.IsNullOrWhiteSpace(_record[0].Text))
                    done.AddRange(Interrupt());
                Append(header);
                Append(line);
                _state = State.Stack;
                return done;
            }
            done.AddRange(Interrupt());
            Append(header);
        }

        if (_heldBlanks.Count > 0)
        {
            if (_state == State.TracebackEnded && ExceptionLine.IsTracebackChain(text))
                return ContinueAfterBlanks(line, State.TracebackChained, done);
            if (_state == State.TracebackChained && ExceptionLine.IsTracebackStart(text))
                return ContinueAfterBlanks(line, State.Traceback, done);
            done.AddRange(Interrupt());
            foreach (var blank in _heldBlanks)
                done.Add(Single(blank));
            _heldBlanks.Clear();
        }

        if (_record.Count > 0 && Continues(line, text))
            return done;

        done.AddRange(Interrupt());
        Start(line, text);
        return done;
    }

    public IEnumerable<Record> Flush()
    {
        if (_heldHeader is { } header)
        {
            foreach (var r in Interrupt())
                yield return r;
            _heldHeader = null;
            Append(header);
        }
        foreach (var r in Interrupt())
            yield return r;
        foreach (var blank in _heldBlanks)
            yield return Single(blank);
        _heldBlanks.Clear();
    }

    /// <summary>Adds the line to the open record when it continues it; false when it starts another.</summary>
    private bool Continues(InputLine line, ReadOnlySpan<char> text)
    {
        switch (_state)
        {
            case State.JavaLoggingHeader:
                _state = State.Plain;
                if (!JavaUtilLoggingHeader.IsMessageLine(text))
                    return false;
                Append(line);
                _headLines = 2;
                return true;
            case State.Traceback:
                Append(line);
                // Frames and source lines are indented; the first line that is not is the exception.
                if (text.Length > 0 && text[0] != ' ' && text[0] != '\t')
                    _state = State.TracebackEnded;
                return true;
            case State.TracebackEnded or State.TracebackChained:
                if (text.IsWhiteSpace())
                {
                    _heldBlanks.Add(line);
                    return true;
                }
                if (_state == State.TracebackChained && ExceptionLine.IsTracebackStart(text))
                {
                    Append(line);
                    _state = State.Traceback;
                    return true;
                }
                if (_state == State.TracebackEnded && ExceptionLine.IsTracebackChain(text))
                {
                    Append(line);
                    _state = State.TracebackChained;
                    return true;
                }
                return false;
            case State.Stack:
                if (ExceptionLine.IsContinuation(text) || (text.Length > 0 && (text[0] == ' ' || text[0] == '\t' || text.TrimEnd().SequenceEqual("}"))))
                {
                    Append(line);
                    return true;
                }
                if (ExceptionLine.IsHeader(text) && !ExceptionLine.IsUncaughtHeader(text))
                {
                    // The header of a suppressed or aggregated exception inside the same text, or a new one.
                    _heldHeader = line;
                    return true;
                }
                return false;
        }

        // A plain line so far: what comes next may make it the message of an exception.
        if (ExceptionLine.IsContinuation(text) || ExceptionLine.IsNatsCStack(text))
        {
            Append(line);
            _state = State.Stack;
            return true;
        }
        if (ExceptionLine.IsTracebackStart(text))
        {
            // A logger writes the traceback right after its message; an uncaught exception's comes
            // after whatever was printed last, which is worth its own record unless it warned.
            if (PlainTextLevel.Guess(_record[0].Text) < LogLevel.Warning)
                return false;
            Append(line);
            _state = State.Traceback;
            return true;
        }
        if (ExceptionLine.IsHeader(text) && !ExceptionLine.IsUncaughtHeader(text))
        {
            _heldHeader = line;
            return true;
        }
        return false;
    }

    private void Start(InputLine line, ReadOnlySpan<char> text)
    {
        if (JavaUtilLoggingHeader.IsHeader(text))
        {
            Append(line);
            _state = State.JavaLoggingHeader;
        }
        else if (ExceptionLine.IsHeader(text) && ExceptionLine.IsUncaughtHeader(text))
        {
            Append(line);
            _state = State.Stack;
        }
        else if (ExceptionLine.IsTracebackStart(text))
        {
            Append(line);
            _state = State.Traceback;
        }
        else if (ExceptionLine.IsHeader(text))
            _heldHeader = line;
        else
            Append(line);
    }

    /// <summary>The blank lines held back belong to the record after all: a chained traceback goes on.</summary>
    private List<Record> ContinueAfterBlanks(InputLine line, State next, List<Record> done)
    {
        foreach (var blank in _heldBlanks)
            Append(blank);
        _heldBlanks.Clear();
        Append(line);
        _state = next;
        return done;
    }

    private void Append(InputLine line)
    {
        if (_record.Count >= MaxLinesPerRecord)
            _dropped++;
        else
            _record.Add(line);
    }

    private Record Take()
    {
        var exception = _state is not (State.Plain or State.JavaLoggingHeader);
        var record = new Record([.. _record], _record.Count + _dropped, exception, Math.Min(_headLines, _record.Count));
        _record.Clear();
        _dropped = 0;
        _headLines = 1;
        _state = State.Plain;
        return record;
    }

    private static Record Single(InputLine line) => new([line], 1, false, 1);

    /// <summary>
    /// The lines of one record (at most a bounded head of them), how many it had, whether exception
    /// text follows its head, and how many lines the head is (two for java.util.logging's layout).
    /// </summary>
    public sealed record Record(IReadOnlyList<InputLine> Lines, int LineCount, bool HasException, int HeadLines);
}
