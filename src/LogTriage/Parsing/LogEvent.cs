namespace LogTriage.Parsing;

/// <summary>
/// One record of a log: usually one line, or several gathered into one (a Go panic with its
/// goroutine stacks). Immutable; produced by an <see cref="ILineParser"/>.
/// </summary>
public sealed record LogEvent(
    string Input,
    long Line,
    DateTimeOffset? Time,
    LogLevel Level,
    EventOrigin Origin,
    ConnectionInfo? Connection,
    string Message,
    string Text)
{
    /// <summary>False when no format understood the line; it is kept as plain text.</summary>
    public bool Parsed { get; init; } = true;

    /// <summary>The number of physical lines this event spans.</summary>
    public int LineCount { get; init; } = 1;

    /// <summary>
    /// Typed values the source gave with the event (a monitoring reading: <c>reading=cpu</c>,
    /// <c>cpu_low=97.5</c>), which rules compare with <c>when.where</c>; numbers in invariant form.
    /// </summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = NoFields;

    private static readonly IReadOnlyDictionary<string, string> NoFields = new Dictionary<string, string>();
}
