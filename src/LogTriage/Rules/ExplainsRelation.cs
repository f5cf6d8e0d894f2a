namespace LogTriage.Rules;

/// <summary>
/// Declares that a rule's signals are a root cause of the listed causes' signals when those follow
/// within the window, so the root cause outranks its symptoms.
/// </summary>
public sealed record ExplainsRelation(IReadOnlyList<string> Causes, TimeSpan Within);
