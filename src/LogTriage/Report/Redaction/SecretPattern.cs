using System.Text.RegularExpressions;

namespace LogTriage.Report.Redaction;

/// <summary>One kind of secret: where it is, and what is left in its place.</summary>
/// <param name="Name">What the pattern finds, for tests and documentation.</param>
/// <param name="Regex">Finds the secret; built <see cref="RegexOptions.Compiled"/> and culture-invariant.</param>
/// <param name="Replacement">A <see cref="Regex.Replace(string, string)"/> replacement; may refer to the regex's groups.</param>
internal sealed record SecretPattern(string Name, Regex Regex, string Replacement)
{
    public const RegexOptions Options = RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    public SecretPattern(string name, string pattern, string replacement, RegexOptions extra = RegexOptions.None)
        : this(name, new Regex(pattern, Options | extra), replacement)
    {
    }

    public string Apply(string text) => Regex.Replace(text, Replacement);
}
