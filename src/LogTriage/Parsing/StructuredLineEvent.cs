namespace LogTriage.Parsing;

/// <summary>
/// The event of one structured application log line (JSON lines, logfmt). A nats-server embedded
/// in the application logs through the application's logger: its connection prefix
/// (<c>10.0.0.1:5000 - cid:5 - </c>) still says the line is the server's, and whose connection.
/// </summary>
internal static class StructuredLineEvent
{
    public static LogEvent Of(string input, long line, DateTimeOffset? time, LogLevel level, string message, string text)
    {
        var connection = ConnectionPrefixParser.TryParse(message, out var messageStart);
        return connection is null
            ? new LogEvent(input, line, time, level, EventOrigin.Unknown, null, message, text)
            : new LogEvent(input, line, time, level, EventOrigin.Server, connection, message[messageStart..], text);
    }
}
