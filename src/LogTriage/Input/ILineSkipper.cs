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
    /// <summary>Whether this line holds nothing any rule can match; and its time, if it has one.</summary>
    bool IsSkippable(ReadOnlySpan<char> line, out DateTimeOffset? time);

    /// <summary>False while a multi-line record is open, since any line may belong to it.</summary>
    bool CanSkipNow { get; }

    /// <summary>Called for each line skipped, in order, so the parser keeps track of time.</summary>
    void Skipped(DateTimeOffset? time);
}
