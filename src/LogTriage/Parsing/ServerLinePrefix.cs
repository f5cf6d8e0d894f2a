namespace LogTriage.Parsing;

/// <summary>
/// What the nats-server logger puts before the message: pid, time and level. <see cref="Start"/>
/// is where that signature begins in the line (0 unless a platform's prefix stands before it);
/// <see cref="MessageStart"/> is counted from the start of the line.
/// </summary>
internal readonly record struct ServerLinePrefix(int? Pid, DateTimeOffset? Time, LogLevel Level, int MessageStart, int Start = 0);
