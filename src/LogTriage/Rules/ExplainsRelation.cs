namespace LogTriage.Rules;

/// <summary>
/// Declares that a rule's findings are a root cause of the listed causes' findings when those
/// follow within the window (and share the key, when <see cref="Same"/> names one), so the root
/// cause outranks its symptoms.
/// </summary>
public sealed record ExplainsRelation(IReadOnlyList<string> Causes, TimeSpan Within)
{
    public GroupBy Same { get; init; } = GroupBy.None;
}
