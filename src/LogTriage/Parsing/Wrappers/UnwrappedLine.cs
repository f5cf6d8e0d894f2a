namespace LogTriage.Parsing.Wrappers;

/// <summary>
/// The line a platform wrapped, and what the wrapper itself knew: its time stamp, a severity
/// (syslog's PRI), and the program that wrote the line (syslog tag, journald identifier).
/// </summary>
internal readonly record struct UnwrappedLine(string Text, DateTimeOffset? Time, LogLevel? Level, string? Program);
