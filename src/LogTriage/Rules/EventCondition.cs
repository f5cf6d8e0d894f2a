using LogTriage.Parsing;

namespace LogTriage.Rules;

/// <summary>The <c>when</c> of a single-event rule; every part given must hold.</summary>
public sealed record EventCondition(
    IReadOnlyList<LogLevel> Levels,
    IReadOnlyList<ConnectionKind> Kinds,
    TextMatch? Message,
    TextMatch? Unless);
