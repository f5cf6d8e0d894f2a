namespace LogTriage.Parsing.Wrappers;

/// <summary>
/// The service name <c>docker compose logs</c> puts before each line, padded to the longest name
/// and often coloured: <c>orders-1  | </c> (compose v2), <c>orders_1  | </c> (v1).
/// </summary>
/// <remarks>
/// Application loggers that write <c>INFO  | message</c> have the same shape; a level word is
/// their level, not a service, so such lines are left as they are.
/// </remarks>
internal sealed class ComposePrefixWrapper : ILineWrapper
{
    private static readonly string[] LevelWords =
        ["TRACE", "TRC", "DEBUG", "DBG", "INFO", "INF", "NOTICE", "WARN", "WARNING", "WRN", "ERROR", "ERR", "FATAL", "FTL", "CRITICAL", "CRIT", "PANIC"];

    public string Name => "compose";

    public bool ServerReadsThrough => true;

    public bool TryUnwrap(string line, out UnwrappedLine inner)
    {
        inner = default;
        var s = line.AsSpan();
        var i = AnsiColour.SkipSequences(s, 0);
        var nameStart = i;
        while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || s[i] is '-' or '_' or '.'))
            i++;
        var nameEnd = i;
        if (nameEnd == nameStart || !char.IsAsciiLetterOrDigit(s[nameStart]) || i >= s.Length || s[i] != ' ')
            return false;
        while (i < s.Length && s[i] == ' ')
            i++;
        if (i >= s.Length || s[i] != '|')
            return false;
        i++;
        // An editor trims the blank after the bar of an empty line: "orders-1  |".
        if (i < s.Length && s[i] != ' ' && s[i] != '\x1b')
            return false;
        if (i < s.Length && s[i] == ' ')
            i++;
        var name = s[nameStart..nameEnd];
        foreach (var word in LevelWords)
            if (name.Equals(word, StringComparison.OrdinalIgnoreCase))
                return false;
        i = AnsiColour.SkipSequences(s, i);
        inner = new UnwrappedLine(line[i..], null, null, null);
        return true;
    }
}
