namespace LogTriage.Rules;

/// <summary>
/// A sequence rule: a signal of one of the <see cref="First"/> rules, then, within the window and
/// for the same key (the same client name, the same address...), a signal of one of the
/// <see cref="Then"/> rules. It joins what the server and the client logged about one connection.
/// </summary>
public sealed record SequenceCondition(IReadOnlyList<string> First, IReadOnlyList<string> Then, TimeSpan Within, GroupBy Same);
