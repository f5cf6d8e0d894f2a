namespace LogTriage.Parsing;

/// <summary>
/// The event every format makes of a line it does not understand: kept as plain text of unknown
/// level and origin, so rules on message text still see it, and counted as unparsed.
/// </summary>
internal static class UnparsedLine
{
    public static LogEvent Event(string input, long number, string text, DateTimeOffset? time) =>
        new(input, number, time, LogLevel.Unknown, EventOrigin.Unknown, null, text.Trim(), text) { Parsed = text.Length == 0 };
}
