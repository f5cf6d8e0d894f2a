namespace LogTriage.Parsing;

/// <summary>
/// A parser that can tell, from a line still in the reader's buffer, that it would yield nothing
/// a rule could match, so the reader never makes a string of it. The parser may update its own
/// state from the line (the last time seen) while deciding.
/// </summary>
public interface ILineSkipper
{
    bool TrySkip(ReadOnlySpan<char> line);
}
