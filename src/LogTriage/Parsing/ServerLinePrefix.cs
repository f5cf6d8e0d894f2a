namespace LogTriage.Parsing;

/// <summary>What the nats-server logger puts before the message: pid, time and level.</summary>
internal readonly record struct ServerLinePrefix(int? Pid, DateTimeOffset? Time, LogLevel Level, int MessageStart);
