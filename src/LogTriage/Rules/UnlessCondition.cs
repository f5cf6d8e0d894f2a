namespace LogTriage.Rules;

/// <summary>
/// Negation: a rule holds only when no signal of the <see cref="Rules"/> exists on the same key
/// within a span around it: from <see cref="Before"/> before its first signal to <see cref="After"/>
/// after its last, or, for a sequence, <see cref="Between"/> its two halves. "Clients were refused,
/// unless the server was stopped gracefully just before"; "a second start-up, unless a shutdown
/// came between".
/// </summary>
public sealed record UnlessCondition(IReadOnlyList<string> Rules, TimeSpan Before, TimeSpan After, bool Between, GroupBy Same);
