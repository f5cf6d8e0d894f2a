namespace LogTriage.Input;

/// <summary>
/// Tells, from a line still in the reader's buffer, that a parser would yield nothing a rule could
/// match from it. Thread-safe and changes nothing: the reader runs it on every core.
/// </summary>
internal interface ILineTest
{
    /// <summary>Whether this line holds nothing any rule can match. Its time is not worked out: most skipped lines' never matters.</summary>
    bool IsSkippable(ReadOnlySpan<char> line);
}

/// <summary>
/// A parser that can tell that a line would yield nothing a rule could match, so the reader never
/// makes a string of it. Its test may read what the parser learnt from earlier lines (the prefixes
/// seen before server lines) only through state it replaces whole. Whether a skippable line may be
/// skipped now depends on the parser's state (inside a multi-line record, nothing is skipped).
/// </summary>
internal interface ILineSkipper : ILineTest
{
    /// <summary>
    /// The test as the parser stands now, kept fixed: the reader tests blocks of lines ahead of the
    /// parser, and what the parser learns meanwhile must not change their verdicts, or a run's
    /// result would depend on which core was faster. A parser that learns nothing is its own test.
    /// </summary>
    ILineTest Snapshot() => this;

    /// <summary>The time of a skippable line, if it has one (asked of the last lines of a run of skipped lines only).</summary>
    DateTimeOffset? TimeOf(ReadOnlySpan<char> line);

    /// <summary>False while a multi-line record is open, since any line may belong to it.</summary>
    bool CanSkipNow { get; }

    /// <summary>
    /// Called once for each run of lines skipped, before the line after them is parsed, with the time
    /// of the last of them that has one (null if none has), so the parser keeps track of time.
    /// </summary>
    void Skipped(DateTimeOffset? time);
}
