using System.Text.RegularExpressions;

namespace LogTriage.Report.Redaction;

/// <summary>One kind of secret: where it is, and what is left in its place.</summary>
/// <param name="Name">What the pattern finds, for tests and documentation.</param>
/// <param name="Regex">Finds the secret; culture-invariant, interpreted: a report is a few hundred lines, and
/// compiling a dozen patterns to IL would cost every run more start-up than they could save.</param>
/// <param name="Replacement">A <see cref="Regex.Replace(string, string)"/> replacement; may refer to the regex's groups.</param>
internal sealed record SecretPattern(string Name, Regex Regex, string Replacement)
{
    public const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    public SecretPattern(string name, string pattern, string replacement, RegexOptions extra = RegexOptions.None)
        : this(name, new Regex(pattern, Options | extra), replacement)
    {
    }

    public string Apply(string text) => Regex.Replace(text, Replacement);
}
