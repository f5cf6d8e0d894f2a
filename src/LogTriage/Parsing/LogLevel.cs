namespace LogTriage.Parsing;

/// <summary>The severity a log line was written with, normalised across formats.</summary>
public enum LogLevel
{
    Unknown = 0,
    Trace,
    Debug,
    Info,
    Warning,
    Error,
    Fatal,
}
