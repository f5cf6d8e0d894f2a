using System.Text.RegularExpressions;

namespace LogTriage.Signals;

/// <summary>
/// Reduces a message to its template, in the manner of Drain: the parts that vary between
/// occurrences (addresses, numbers, ids, quoted values) are masked, so that lines of one kind
/// group together. Used for the messages no rule recognised.
/// </summary>
public static partial class MessageTemplate
{
    [GeneratedRegex(@"""(?:[^""\\]|\\.)*""|'(?:[^'\\]|\\.)*'", RegexOptions.CultureInvariant)]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\[?(?:[0-9a-fA-F]{0,4}:){2,7}[0-9a-fA-F]{0,4}\]?(?::\d+)?|\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b", RegexOptions.CultureInvariant)]
    private static partial Regex Address();

    [GeneratedRegex(@"\b0x[0-9a-fA-F]+\b|\b[0-9a-fA-F]{8,}\b|\b[A-Z0-9]{20,}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();

    [GeneratedRegex(@"(?<![A-Za-z])-?\d+(?:\.\d+)?(?:ns|µs|us|ms|s|m|h|KB|MB|GB|B)?(?![A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    public static string Of(string message)
    {
        var text = message.Length > 300 ? message[..300] : message;
        text = Quoted().Replace(text, "<str>");
        text = Address().Replace(text, "<addr>");
        text = Identifier().Replace(text, "<id>");
        text = Number().Replace(text, "<num>");
        return text;
    }
}
