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
        var trimmed = line.AsSpan().TrimEnd();
        if (trimmed.Length >= 3 && trimmed[0] == '|' && trimmed[1] == ' ' && trimmed[^1] == '|')
        {
            var body = trimmed[2..^1].TrimEnd();
            inner = new UnwrappedLine(body.ToString(), null, null, null);
            return true;
        }
        return false;
    }
}
