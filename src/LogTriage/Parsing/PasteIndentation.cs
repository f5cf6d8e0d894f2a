using LogTriage.Input;

namespace LogTriage.Parsing;

/// <summary>
/// A paste indented as a whole (a code block inside a list item, a quote indented by an editor):
/// the spaces every one of its first lines shares are taken off every line that has them, so an
/// exception's own indentation (a traceback's frames, a stack's "at" lines) reads as it was printed.
/// </summary>
/// <remarks>
/// The first lines are held until the indentation is decided; no line may be skipped unread
/// meanwhile (<see cref="Deciding"/>), since the held lines have not reached the record gatherer.
/// </remarks>
internal sealed class PasteIndentation
{
    /// <summary>How many of the first non-blank lines must share the indentation.</summary>
    private const int Lines = 16;

    public bool Deciding { get; private set; } = true;

    public IEnumerable<InputLine> Remove(IEnumerable<InputLine> lines)
    {
        using var source = lines.GetEnumerator();
        var head = new List<InputLine>();
        var nonBlank = 0;
        while (nonBlank < Lines && source.MoveNext())
        {
            head.Add(source.Current);
            if (!string.IsNullOrWhiteSpace(source.Current.Text))
                nonBlank++;
        }
        var shared = nonBlank == 0 ? 0 : head.Where(l => !string.IsNullOrWhiteSpace(l.Text)).Min(l => LeadingSpaces(l.Text));
        // One or two spaces are as often a logger's own layout as a paste's.
        if (shared < 3)
            shared = 0;
        Deciding = false;
        foreach (var line in head)
            yield return Dedent(line, shared);
        while (source.MoveNext())
            yield return Dedent(source.Current, shared);
    }

    private static InputLine Dedent(InputLine line, int spaces) =>
        spaces == 0 ? line : line with { Text = line.Text[Math.Min(spaces, LeadingSpaces(line.Text))..] };

    private static int LeadingSpaces(string text)
    {
        var i = 0;
        while (i < text.Length && text[i] == ' ')
            i++;
        return i;
    }
}
