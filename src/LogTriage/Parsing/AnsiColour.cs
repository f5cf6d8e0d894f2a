namespace LogTriage.Parsing;

/// <summary>Removes the ANSI colour codes nats-server adds to its labels when stderr is a terminal.</summary>
internal static class AnsiColour
{
    public static bool Contains(ReadOnlySpan<char> s) => s.Contains('\x1b');

    public static ReadOnlySpan<char> Strip(ReadOnlySpan<char> s)
    {
        if (!Contains(s))
            return s;
        return Strip(s.ToString()).AsSpan();
    }

    public static string Strip(string s)
    {
        if (s.IndexOf('\x1b') < 0)
            return s;
        var sb = new System.Text.StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '\x1b' && i + 1 < s.Length && s[i + 1] == '[')
            {
                var j = i + 2;
                while (j < s.Length && (char.IsAsciiDigit(s[j]) || s[j] == ';'))
                    j++;
                if (j < s.Length && s[j] == 'm')
                {
                    i = j;
                    continue;
                }
            }
            sb.Append(s[i]);
        }
        return sb.ToString();
    }
}
