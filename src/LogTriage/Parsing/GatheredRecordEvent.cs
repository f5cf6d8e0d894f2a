namespace LogTriage.Parsing;

/// <summary>
/// The event of a record of free text gathered by <see cref="ExceptionRecordGatherer"/>: a line
/// alone as the line it is; a line with exception text as that line with the exceptions' types
/// and messages after it; an exception the runtime printed on its own (uncaught) as those alone,
/// at error level.
/// </summary>
internal static class GatheredRecordEvent
{
    public static LogEvent Build(string input, ExceptionRecordGatherer.Record record, DateTimeOffset? lastTime, EventOrigin origin)
    {
        if (record.HeadLines == 2)
            return JavaLogging(input, record, origin);
        var head = record.Lines[0].Text;
        var time = LeadingTimestamp.TryRead(head);
        if (!record.HasException)
            return new LogEvent(input, record.Lines[0].Number, time, PlainTextLevel.Guess(head), origin, null, head.Trim(), head);

        var text = string.Join('\n', record.Lines.Select(l => l.Text));
        // The runtime's own report of an exception nobody caught: the process ends with it, and
        // a level word in it ("Traceback") is no logger's level.
        var uncaught = ExceptionLine.IsUncaughtHeader(head) || ExceptionLine.IsTracebackStart(head) || ExceptionLine.IsFrame(head) || ExceptionLine.IsHeader(head);
        var level = uncaught ? LogLevel.Error : PlainTextLevel.Guess(head);
        var message = uncaught
            ? ExceptionText.Summary(text)
            : ExceptionText.Append(head.Trim(), string.Join('\n', record.Lines.Skip(1).Select(l => l.Text)));
        return new LogEvent(input, record.Lines[0].Number, time ?? lastTime, level, origin, null, message, text)
        {
            LineCount = record.LineCount,
        };
    }

    /// <summary>java.util.logging's two-line head: time from the first, level and message from the second.</summary>
    private static LogEvent JavaLogging(string input, ExceptionRecordGatherer.Record record, EventOrigin origin)
    {
        var messageLine = record.Lines[1].Text;
        var exception = string.Join('\n', record.Lines.Skip(2).Select(l => l.Text));
        return new LogEvent(input, record.Lines[0].Number, JavaUtilLoggingHeader.Time(record.Lines[0].Text), JavaUtilLoggingHeader.Level(messageLine),
            origin, null, ExceptionText.Append(messageLine.Trim(), exception), string.Join('\n', record.Lines.Select(l => l.Text)))
        {
            LineCount = record.LineCount,
        };
    }
}
