namespace LogTriage.Parsing;

/// <summary>
/// Tells a parser whether a message could matter to any rule, so that the many lines that
/// cannot are counted and dropped before they cost an event. Implemented by the signal stage
/// from the rules' literals; parsers only ask.
/// </summary>
public interface ILineRelevance
{
    bool MayMatter(ReadOnlySpan<char> message, LogLevel level, EventOrigin origin);

    /// <summary>
    /// Whether asking costs enough that a parser should first cut the message down to what the
    /// rules read (the connection prefix off), rather than ask about the whole rest of the line.
    /// </summary>
    bool IsCostly(LogLevel level, EventOrigin origin) => false;
}

/// <summary>Every line matters: nothing is skipped.</summary>
internal sealed class EveryLineMatters : ILineRelevance
{
    public static EveryLineMatters Instance { get; } = new();

    public bool MayMatter(ReadOnlySpan<char> message, LogLevel level, EventOrigin origin) => true;
}
