using LogTriage.Rules;

namespace LogTriage.Tests.Support;

/// <summary>The shipped rule set and an analyzer over it, loaded once for the whole suite (they are immutable).</summary>
public static class ShippedRules
{
    private static readonly Lazy<RuleSet> LazyRules = new(() => new RuleSetLoader().LoadDirectories([RepositoryPaths.Rules]));
    private static readonly Lazy<LogAnalyzer> LazyAnalyzer = new(() => new LogAnalyzer(LazyRules.Value));

    public static RuleSet Rules => LazyRules.Value;

    public static LogAnalyzer Analyzer => LazyAnalyzer.Value;
}
