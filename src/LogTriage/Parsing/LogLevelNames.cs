namespace LogTriage.Parsing;

/// <summary>Maps the level spellings of nats-server and common loggers to <see cref="LogLevel"/>.</summary>
public static class LogLevelNames
{
    public static bool TryParse(ReadOnlySpan<char> name, out LogLevel level)
    {
        level = name switch
        {
            "TRC" or "trc" => LogLevel.Trace,
            "DBG" or "dbg" => LogLevel.Debug,
            "INF" or "inf" => LogLevel.Info,
            "WRN" or "wrn" => LogLevel.Warning,
            "ERR" or "err" => LogLevel.Error,
            "FTL" or "ftl" => LogLevel.Fatal,
            _ => LogLevel.Unknown,
        };
        if (level != LogLevel.Unknown)
            return true;

        level = name.ToString().ToLowerInvariant() switch
        {
            "trace" or "verbose" or "trce" => LogLevel.Trace,
            "debug" or "dbug" => LogLevel.Debug,
            "info" or "information" or "notice" => LogLevel.Info,
            "warn" or "warning" => LogLevel.Warning,
            "error" or "fail" or "err" => LogLevel.Error,
            "fatal" or "critical" or "crit" or "panic" => LogLevel.Fatal,
            _ => LogLevel.Unknown,
        };
        return level != LogLevel.Unknown;
    }

    /// <summary>The short form nats-server writes, used in reports.</summary>
    public static string ToShortName(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRC",
        LogLevel.Debug => "DBG",
        LogLevel.Info => "INF",
        LogLevel.Warning => "WRN",
        LogLevel.Error => "ERR",
        LogLevel.Fatal => "FTL",
        _ => "---",
    };
}
