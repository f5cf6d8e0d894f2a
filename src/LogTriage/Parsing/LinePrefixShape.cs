namespace LogTriage.Parsing;

/// <summary>
/// The shape of what a platform puts before each line (<c>nats-1  | </c>, <c>[pod/nats-0/nats] </c>,
/// <c>Aug 21 14:50:11 host nats-server[4711]: </c>, <c>2026-08-21T14:50:11.5Z </c>, <c>| </c>, <c>&gt; </c>):
/// a hash of the prefix with every run of letters and digits taken as one word and every run of
/// blanks as one blank, so the prefixes of one platform share a shape whatever the pod, service,
/// host or time, and the padding compose adds to align names does not matter.
/// </summary>
/// <remarks>
/// Learnt from the server lines (whose signature says where their prefix ends), a shape finds
/// where the body of a line without a signature begins: a crash dump behind the same prefix.
/// </remarks>
public static class LinePrefixShape
{
    /// <summary>The shape of no prefix at all.</summary>
    public const ulong None = Hasher.Seed;

    /// <summary>
    /// Tells whether a line's body (without its prefix and indentation) is what is looked for;
    /// <paramref name="indentation"/> is the number of blanks before it.
    /// </summary>
    public delegate bool BodyTest(ReadOnlySpan<char> body, int indentation);

    public static ulong Of(ReadOnlySpan<char> prefix)
    {
        var hasher = new Hasher();
        foreach (var c in prefix)
            hasher.Add(c);
        return hasher.Hash;
    }

    /// <summary>
    /// Finds where the body of <paramref name="line"/> begins behind a prefix of one of the
    /// <paramref name="shapes"/> (or none) such that the body passes <paramref name="test"/>. The
    /// body is returned without its leading blanks: a dump pasted with indentation is still a dump.
    /// </summary>
    public static bool TryFindBody(ReadOnlySpan<char> line, PrefixShapeSet shapes, BodyTest test, out int bodyStart, out ulong shape)
    {
        var hasher = new Hasher();
        var limit = Math.Min(line.Length, ServerLinePrefixParser.MaxPrefixLength);
        for (var k = 0; ; k++)
        {
            var atBoundary = k == 0 || k == line.Length || !Hasher.SameRun(line[k - 1], line[k]);
            if (atBoundary && shapes.Contains(hasher.Hash) && Accept(line, k, test, out bodyStart))
            {
                shape = hasher.Hash;
                return true;
            }
            if (k >= limit)
                break;
            hasher.Add(line[k]);
        }

        // An editor or a chat trims trailing blanks: "nats-1  | " of an empty dump line becomes "nats-1  |".
        if (line.Length <= limit && hasher.WithBlank() is var trimmed && shapes.Contains(trimmed) && test([], 0))
        {
            bodyStart = line.Length;
            shape = trimmed;
            return true;
        }
        bodyStart = 0;
        shape = None;
        return false;
    }

    private static bool Accept(ReadOnlySpan<char> line, int k, BodyTest test, out int bodyStart)
    {
        var body = line[k..];
        bodyStart = k + (body.Length - body.TrimStart().Length);
        return test(line[bodyStart..], BlanksBefore(line, bodyStart));
    }

    /// <summary>How many blanks stand right before <paramref name="index"/>: a body's indentation, the prefix's own blank included.</summary>
    public static int BlanksBefore(ReadOnlySpan<char> line, int index)
    {
        var blanks = 0;
        while (index - blanks > 0 && char.IsWhiteSpace(line[index - blanks - 1]))
            blanks++;
        return blanks;
    }

    /// <summary>FNV-1a over the character classes, runs of words and blanks folded into one.</summary>
    private struct Hasher()
    {
        public const ulong Seed = 14695981039346656037UL;
        private const ulong Prime = 1099511628211UL;
        private char _last = '\0';

        public ulong Hash { get; private set; } = Seed;

        public void Add(char c)
        {
            var cls = Class(c);
            if (cls == _last && cls is 'w' or ' ')
                return;
            Hash = (Hash ^ cls) * Prime;
            _last = cls;
        }

        public readonly ulong WithBlank() => _last == ' ' ? Hash : (Hash ^ ' ') * Prime;

        public static bool SameRun(char a, char b) => Class(a) is var cls && cls == Class(b) && cls is 'w' or ' ';

        private static char Class(char c) =>
            char.IsLetterOrDigit(c) || c == '_' ? 'w' : char.IsWhiteSpace(c) ? ' ' : c;
    }
}
