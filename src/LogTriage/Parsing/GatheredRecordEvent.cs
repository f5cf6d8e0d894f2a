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
}
