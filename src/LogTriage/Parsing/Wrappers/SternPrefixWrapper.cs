namespace LogTriage.Parsing.Wrappers;

/// <summary>
/// The pod and container names <c>stern</c> puts before each line, often coloured:
/// <c>nats-0 nats </c>, <c>orders-7d9f8b6c4-x2k9p app </c>.
/// </summary>
/// <remarks>
/// Two bare words could begin any line, so the first must have the shape of a pod's name: a
/// StatefulSet's ordinal (<c>-0</c>) or a ReplicaSet's five-character suffix after a dash, lower case
/// as Kubernetes requires; and the second that of a container's name. Words of prose, levels
/// (<c>ERROR</c>), times and paths fail one of them.
/// </remarks>
internal sealed class SternPrefixWrapper : ILineWrapper
{
    public string Name => "stern";

    public bool ServerReadsThrough => true;

    public bool TryUnwrap(string line, out UnwrappedLine inner)
    {
        inner = default;
        var s = line.AsSpan();
        var podStart = AnsiColour.SkipSequences(s, 0);
        var podEnd = EndOfName(s, podStart);
        var i = AnsiColour.SkipSequences(s, podEnd);
        if (!IsPodName(s[podStart..podEnd]) || i >= s.Length || s[i] != ' ')
            return false;
        var containerStart = AnsiColour.SkipSequences(s, i + 1);
        var containerEnd = EndOfName(s, containerStart);
        i = AnsiColour.SkipSequences(s, containerEnd);
        if (containerEnd == containerStart || s[containerStart] is '-' or '.' || i >= s.Length || s[i] != ' ')
            return false;
        i = AnsiColour.SkipSequences(s, i + 1);
        inner = new UnwrappedLine(line[i..], null, null, $"{s[podStart..podEnd]}/{s[containerStart..containerEnd]}");
        return true;
    }

    /// <summary>Where a DNS-label name (lower-case letters, digits, '-' and '.') that starts at <paramref name="start"/> ends.</summary>
    private static int EndOfName(ReadOnlySpan<char> s, int start)
    {
        var i = start;
        while (i < s.Length && (char.IsAsciiLetterLower(s[i]) || char.IsAsciiDigit(s[i]) || s[i] is '-' or '.'))
            i++;
        return i;
    }

    private static bool IsPodName(ReadOnlySpan<char> name)
    {
        var dash = name.LastIndexOf('-');
        if (dash < 1 || dash == name.Length - 1 || name[0] is '-' or '.')
            return false;
        var suffix = name[(dash + 1)..];
        return !suffix.ContainsAnyExceptInRange('0', '9') || suffix.Length == 5 && !suffix.ContainsAnyExcept("abcdefghijklmnopqrstuvwxyz0123456789");
    }
}
