using System.Text.RegularExpressions;

namespace LogTriage.Rules;

/// <summary>A test on message text: any of the literals (case-insensitive), and/or a regular expression.</summary>
public sealed record TextMatch(IReadOnlyList<string> Contains, string? Regex)
{
    // Building a regex is a large part of start-up: each is built once, when first needed
    // (validation), and shared by everything that uses this rule afterwards.
    private readonly Lazy<Regex?> _compiled = new(() => Regex is null ? null : RuleRegex.Create(Regex));
    private readonly Lazy<Regex?> _unanchored = new(() => Regex is null ? null : Regex.StartsWith('^') ? RuleRegex.CreateUnanchored(Regex) : null);

    /// <summary>The compiled <see cref="Regex"/>; throws as <see cref="RuleRegex.Create"/> does for a bad pattern.</summary>
    public Regex? CompiledRegex => _compiled.Value;

    /// <summary>For text of unknown layout: the regex with its leading anchor relaxed; the regex itself when it has none.</summary>
    public Regex? UnanchoredRegex => _unanchored.Value ?? _compiled.Value;
}
