namespace LogTriage.Input;

/// <summary>
/// A parser that can tell, from a line still in the reader's buffer, that it would yield nothing
/// a rule could match, so the reader never makes a string of it. The test is thread-safe (the
/// reader runs it on both cores, between the lines it hands the parser): it changes nothing, and
/// may only read what the parser learnt from earlier lines through state it replaces whole (the
/// prefixes seen before server lines). Whether a skippable line may be skipped now depends on the
/// parser's state (inside a multi-line record, nothing is skipped).
/// </summary>
internal interface ILineSkipper
{
    /// <summary>Whether this line holds nothing any rule can match. Its time is not worked out: most skipped lines' never matters.</summary>
    bool IsSkippable(ReadOnlySpan<char> line);

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
