using System.Text.RegularExpressions;

namespace LogTriage.Rules;

/// <summary>
/// How every rule regex is built: interpreted (cheap to build, and regexes only run on the rare
/// lines the literal prefilter lets through), with a match timeout so that no rule, however
/// catastrophic its pattern, can hang a scan on a hostile line. (The non-backtracking engine
/// was measured at 200 ms of start-up for the shipped rules; this costs a few.)
/// Case-insensitive, like <c>contains</c>: servers and clients of different versions write the
/// same message in different cases ("Maximum Control Line Exceeded", "maximum control line
/// exceeded"); a rule that needs case writes <c>(?-i)</c>.
/// </summary>
internal static class RuleRegex
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// The same pattern with a leading <c>^</c> relaxed to "at the start or after a space": for text
    /// whose layout was not understood (a paste through a log viewer, an unknown prefix), where the
    /// message does not begin where the rule expects.
    /// </summary>
    public static Regex CreateUnanchored(string pattern) =>
        Create(pattern.StartsWith('^') ? @"(?:^|(?<=[\s|>:\]]))" + pattern[1..] : pattern);

    public static Regex Create(string pattern) =>
        new(pattern, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, MatchTimeout);
}
