using System.Globalization;

namespace LogTriage.Parsing;

/// <summary>
/// One property token of a Serilog message template, <c>{@Name,-10:0.00}</c> without its braces:
/// the property's name (without the <c>@</c> or <c>$</c> capturing hint), its alignment and its
/// format. What Serilog would not take for a token is not one here either: it stays text.
/// </summary>
internal readonly record struct ClefToken(string Name, int Width, bool LeftAligned, string? Format)
{
    public static bool TryParse(ReadOnlySpan<char> content, out ClefToken token)
    {
        token = default;
        if (content.IsEmpty)
            return false;

        // The first ':' starts the format; a ',' before it starts the alignment.
        var formatAt = content.IndexOf(':');
        var alignAt = content.IndexOf(',');
        if (formatAt >= 0 && alignAt > formatAt)
            alignAt = -1;
        var nameEnd = alignAt >= 0 ? alignAt : formatAt >= 0 ? formatAt : content.Length;
        var name = content[..nameEnd];
        var hasFormat = formatAt >= 0 && formatAt < content.Length - 1;

        if (!name.IsEmpty && name[0] is '@' or '$')
            name = name[1..];
        if (!IsName(name))
            return false;

        var width = 0;
        var left = false;
        if (alignAt >= 0)
        {
            var alignment = content[(alignAt + 1)..(formatAt >= 0 ? formatAt : content.Length)];
            left = alignment.StartsWith('-');
            var digits = left ? alignment[1..] : alignment;
            if (digits.IsEmpty || digits.ContainsAnyExceptInRange('0', '9')
                || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out width))
                return false;
        }

        token = new ClefToken(name.ToString(), width, left, hasFormat ? content[(formatAt + 1)..].ToString() : null);
        return true;
    }

    /// <summary>The value padded to the token's width, as Serilog aligns it.</summary>
    public string Align(string value) =>
        Width <= value.Length ? value : LeftAligned ? value.PadRight(Width) : value.PadLeft(Width);

    /// <summary>A name (<c>Elapsed</c>, <c>_id</c>) or a position (<c>0</c>).</summary>
    private static bool IsName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty)
            return false;
        if (char.IsDigit(name[0]))
        {
            foreach (var c in name)
                if (!char.IsDigit(c))
                    return false;
            return true;
        }
        foreach (var c in name)
            if (!char.IsLetterOrDigit(c) && c != '_')
                return false;
        return true;
    }
}
