namespace LogTriage.Parsing.Wrappers;

/// <summary>
/// A log pasted into an issue or a chat as a quote (<c>&gt; line</c>) or as the rows of a table
/// (<c>| line |</c>).
/// </summary>
internal sealed class MarkdownQuoteWrapper : ILineWrapper
{
    public string Name => "markdown";

    public bool ServerReadsThrough => true;

    public bool TryUnwrap(string line, out UnwrappedLine inner)
    {
        inner = default;
        if (line.Length == 0)
            return false;
        if (line[0] == '>')
        {
            if (line.Length > 1 && line[1] != ' ' && line[1] != '\t')
                return false;
            inner = new UnwrappedLine(line.Length > 1 ? line[2..] : "", null, null, null);
            return true;
        }
        if (line.Length >= 3 && line[0] == '|' && line[1] == ' ' && line.TrimEnd().EndsWith('|'))
        {
            var body = line.AsSpan(2, line.TrimEnd().Length - 3).TrimEnd();
            inner = new UnwrappedLine(body.ToString(), null, null, null);
            return true;
        }
        return false;
    }
}
