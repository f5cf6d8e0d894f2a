using LogTriage.Parsing;

namespace LogTriage.Rules;

/// <summary>The <c>when</c> of a single-event rule; every part given must hold.</summary>
public sealed record EventCondition(
    IReadOnlyList<LogLevel> Levels,
    IReadOnlyList<ConnectionKind> Kinds,
    TextMatch? Message,
    TextMatch? Unless)
{
    /// <summary>Typed comparisons on the fields the message regex captured; every one must hold.</summary>
    public IReadOnlyList<FieldComparison> Where { get; init; } = [];

    /// <summary>
    /// A test on the whole record as read (a crash with all its frames, an exception with its stack),
    /// where <see cref="Message"/> sees the parsed message only.
    /// </summary>
    public TextMatch? Text { get; init; }
}
