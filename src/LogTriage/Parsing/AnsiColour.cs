namespace LogTriage.Parsing;

/// <summary>
/// Removes ANSI colour codes: nats-server colours its labels when stderr is a terminal, and
/// docker compose, stern and kubetail colour the container names they put before each line.
/// </summary>
internal static class AnsiColour
{
    public static bool Contains(ReadOnlySpan<char> s) => s.Contains('\x1b');

    public static ReadOnlySpan<char> Strip(ReadOnlySpan<char> s)
    {
        if (!Contains(s))
            return s;
        return Strip(s.ToString()).AsSpan();
    }

    /// <summary>Writes <paramref name="s"/> without its colour codes into <paramref name="destination"/> (at least as long); returns the length.</summary>
    public static int Strip(ReadOnlySpan<char> s, Span<char> destination)
    {
        var length = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '\x1b' && SequenceEnd(s, i) is var end && end > i)
            {
                i = end;
                continue;
            }
            destination[length++] = s[i];
        }
        return length;
    }

    /// <summary>The index of the first character at or after <paramref name="i"/> that does not belong to a colour sequence.</summary>
    public static int SkipSequences(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && s[i] == '\x1b' && SequenceEnd(s, i) is var end && end > i)
            i = end + 1;
        return i;
    }

    /// <summary>The index of the final <c>m</c> of a colour sequence starting at <paramref name="i"/>, or -1.</summary>
    private static int SequenceEnd(ReadOnlySpan<char> s, int i)
    {
        if (i + 1 >= s.Length || s[i + 1] != '[')
            return -1;
        var j = i + 2;
        while (j < s.Length && (char.IsAsciiDigit(s[j]) || s[j] == ';'))
            j++;
        return j < s.Length && s[j] == 'm' ? j : -1;
    }

    public static string Strip(string s)
    {
        if (s.IndexOf('\x1b') < 0)
            return s;
        var buffer = s.Length <= 1024 ? stackalloc char[s.Length] : new char[s.Length];
        return new string(buffer[..Strip(s, buffer)]);
    }
}
