using System.CommandLine;
using LogTriage.Rules;

namespace LogTriage.Cli;

/// <summary>Options shared by the commands that load rules.</summary>
public sealed class CommonOptions
{
    public Option<string[]> Rules { get; } = new("--rules")
    {
        Description = "A directory of extra rule files (*.yaml), read after the shipped rules; repeatable.",
        AllowMultipleArgumentsPerToken = false,
        DefaultValueFactory = _ => [],
    };

    public Option<string[]> Skip { get; } = new("--skip")
    {
        Description = "Do not run this rule (by id), nor the rules that build on it; repeatable.",
        AllowMultipleArgumentsPerToken = false,
        DefaultValueFactory = _ => [],
    };

    public Option<bool> NoDefaultRules { get; } = new("--no-default-rules")
    {
        Description = "Do not load the shipped rules, only those given with --rules.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Rules);
        command.Options.Add(Skip);
        command.Options.Add(NoDefaultRules);
    }

    /// <summary>The rules, with a warning line on <paramref name="warnings"/> for each rule loading had to change.</summary>
    public RuleSet LoadRules(ParseResult parse, TextWriter warnings)
    {
        var rules = new RuleSetLoader().LoadDirectories(RuleDirectories.Resolve(parse.GetValue(Rules) ?? [], !parse.GetValue(NoDefaultRules)),
            parse.GetValue(Skip) ?? []);
        foreach (var warning in rules.Warnings)
            warnings.WriteLine($"logtriage: warning: {warning}");
        return rules;
    }
}
