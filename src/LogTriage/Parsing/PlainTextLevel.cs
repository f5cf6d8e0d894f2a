namespace LogTriage.Parsing;

/// <summary>Guesses the level of a free-text line from the level word most loggers print near its start.</summary>
internal static class PlainTextLevel
{
    private static readonly (string Word, LogLevel Level)[] Words =
    [
        ("FATAL", LogLevel.Fatal), ("PANIC", LogLevel.Fatal), ("CRIT", LogLevel.Fatal), ("[FTL]", LogLevel.Fatal),
        ("ERROR", LogLevel.Error), ("[ERR]", LogLevel.Error), ("fail:", LogLevel.Error), ("ERR ", LogLevel.Error),
        ("WARN", LogLevel.Warning), ("[WRN]", LogLevel.Warning), ("warn:", LogLevel.Warning),
        ("INFO", LogLevel.Info), ("[INF]", LogLevel.Info), ("info:", LogLevel.Info),
        ("DEBUG", LogLevel.Debug), ("[DBG]", LogLevel.Debug), ("dbug:", LogLevel.Debug),
        ("TRACE", LogLevel.Trace), ("[TRC]", LogLevel.Trace), ("trce:", LogLevel.Trace),
    ];

    public static LogLevel Guess(string text) => Guess(text.AsSpan());

    public static LogLevel Guess(ReadOnlySpan<char> text)
    {
        var head = text[..Math.Min(text.Length, 64)];
        var best = LogLevel.Unknown;
        var bestAt = int.MaxValue;
        foreach (var (word, level) in Words)
        {
            var at = head.IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && at < bestAt)
            {
                best = level;
                bestAt = at;
            }
        }
        return best;
    }
}
