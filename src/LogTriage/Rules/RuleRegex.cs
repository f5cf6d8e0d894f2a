using System.Text.RegularExpressions;

namespace LogTriage.Rules;

/// <summary>
/// How every rule regex is built. The non-backtracking engine runs in time linear in the input,
/// so no rule, however written, can hang a scan on a hostile line.
/// </summary>
public static class RuleRegex
{
    public static Regex Create(string pattern) =>
        new(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);
}
