namespace LogTriage.Parsing;

/// <summary>
/// Tells a parser whether a message could matter to any rule, so that the many lines that
/// cannot are counted and dropped before they cost an event. Implemented by the signal stage
/// from the rules' literals; parsers only ask.
/// </summary>
public interface ILineRelevance
{
    bool MayMatter(ReadOnlySpan<char> message, LogLevel level, EventOrigin origin);
}

/// <summary>Every line matters: nothing is skipped.</summary>
internal sealed class EveryLineMatters : ILineRelevance
{
    public static EveryLineMatters Instance { get; } = new();

    public bool MayMatter(ReadOnlySpan<char> message, LogLevel level, EventOrigin origin) => true;
}
