using System.CommandLine;
using LogTriage.Rules;

namespace LogTriage.Cli;

/// <summary><c>logtriage rules list|validate|test</c>: work with the rule files themselves.</summary>
public static class RulesCommand
{
    public static Command Create(Terminal terminal)
    {
        var command = new Command("rules", "List, validate and test rules.");
        command.Subcommands.Add(List(terminal));
        command.Subcommands.Add(Validate(terminal));
        command.Subcommands.Add(Test(terminal));
        command.Subcommands.Add(Explain(terminal));
        return command;
    }

    private static Argument<string[]> Directories() => new("directories")
    {
        Description = "Extra rule directories to load beside the shipped rules (like --rules).",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static Command List(Terminal terminal) =>
        Subcommand("list", "List the rules: id, cause, severity, source and file.", rules =>
        {
            terminal.Out.WriteLine($"{"id",-48} {"cause",-12} {"severity",-9} {"source",-7} file");
            foreach (var rule in rules.Rules.OrderBy(r => r.Id, StringComparer.Ordinal))
                terminal.Out.WriteLine($"{rule.Id,-48} {rule.Cause,-12} {rule.Severity.ToString().ToLowerInvariant(),-9} {rule.Source.ToString().ToLowerInvariant(),-7} {rule.Location}");
            return ExitCodes.Success;
        });

    private static Command Validate(Terminal terminal)
    {
        var common = new CommonOptions();
        var directories = Directories();
        var command = new Command("validate", "Check the rule files against the schema and each other; print every error with file, line and column.");
        command.Arguments.Add(directories);
        common.AddTo(command);
        command.SetAction(parse =>
        {
            var dirs = RuleDirectories.Resolve((parse.GetValue(common.Rules) ?? []).Concat(parse.GetValue(directories) ?? []).ToList(), !parse.GetValue(common.NoDefaultRules));
            var schema = RuleSchemaValidator.FromFile(RuleDirectories.Schema);
            var schemaErrors = dirs.Where(Directory.Exists)
                .SelectMany(d => Directory.EnumerateFiles(d, "*.yaml", SearchOption.AllDirectories).Concat(Directory.EnumerateFiles(d, "*.yml", SearchOption.AllDirectories)))
                .Order(StringComparer.Ordinal)
                .SelectMany(f => { using var reader = new StreamReader(f); return schema.Validate(f, reader); })
                .ToList();
            RuleSet? rules = null;
            var loadErrors = new List<RuleError>();
            try
            {
                rules = new RuleSetLoader().LoadDirectories(dirs);
            }
            catch (RuleValidationException e)
            {
                loadErrors.AddRange(e.Errors);
            }
            // The loader's errors are precise; the schema's, which list every failed alternative of a
            // oneOf, only add something when the loader accepted what the schema does not.
            var errors = loadErrors.Count > 0 ? loadErrors : schemaErrors;
            if (errors.Count > 0)
                throw new RuleValidationException(errors);
            terminal.Out.WriteLine($"{rules!.Rules.Count} rules and {rules.Causes.Count} causes are valid.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Test(Terminal terminal) =>
        Subcommand("test", "Run every rule's match and no-match examples through the whole pipeline.", rules =>
        {
            var runner = new RuleExampleRunner(new LogAnalyzer(rules));
            var failed = 0;
            var total = 0;
            foreach (var result in runner.RunAll())
            {
                total++;
                if (result.Passed)
                    continue;
                failed++;
                terminal.Out.WriteLine($"FAIL {result.Rule.Id} ({result.Rule.Location})");
                terminal.Out.WriteLine($"  expected: {(result.ExpectedMatch ? "the rule matches" : "the rule does not match")}");
                terminal.Out.WriteLine($"  actual:   {(result.Matched ? "it matched" : "it did not match")}; rules that fired: {(result.FiredRules.Count == 0 ? "none" : string.Join(", ", result.FiredRules))}");
                foreach (var (snippet, i) in result.Example.Select((s, i) => (s, i)))
                {
                    if (result.Example.Count > 1)
                        terminal.Out.WriteLine($"  input {i + 1}:");
                    foreach (var line in snippet.TrimEnd().Split('\n'))
                        terminal.Out.WriteLine($"  | {line}");
                }
            }
            terminal.Out.WriteLine($"{total - failed} of {total} examples passed.");
            return failed == 0 ? ExitCodes.Success : ExitCodes.Findings;
        });

    private static Command Explain(Terminal terminal)
    {
        var common = new CommonOptions();
        var id = new Argument<string>("id") { Description = "The id of the rule to explain." };
        var log = new Option<string[]>("--log") { Description = "Analyse these logs and show which facts fired the rule.", AllowMultipleArgumentsPerToken = true };
        var command = new Command("explain", "Show what a rule looks for, what NRules runs for it, its examples, and its cause's diagnosis and fix.");
        command.Arguments.Add(id);
        command.Options.Add(log);
        common.AddTo(command);
        command.SetAction(parse =>
        {
            var rules = common.LoadRules(parse, terminal.Error);
            var ruleId = parse.GetValue(id)!;
            if (!rules.RulesById.TryGetValue(ruleId, out var rule))
                throw new UsageException($"no rule '{ruleId}' (see logtriage rules list)");
            new RuleExplanation(rules, rule).Write(terminal.Out);
            if (parse.GetValue(log) is { Length: > 0 } logs)
                WriteFirings(terminal, rules, rule, logs);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteFirings(Terminal terminal, RuleSet rules, RuleDefinition rule, string[] logs)
    {
        var resolution = new Input.InputResolver(terminal.StandardInput).Resolve(logs);
        if (resolution.Sources.Count == 0)
            throw new UsageException(resolution.Errors.FirstOrDefault() ?? "no readable input");
        var names = Engine.RuleCompiler.CompiledNames(rule).ToHashSet(StringComparer.Ordinal);
        var firings = new List<Engine.RuleFiring>();
        new LogAnalyzer(rules).Analyze(resolution.Sources, new AnalysisOptions { RuleFired = f => { if (names.Contains(f.Rule)) firings.Add(f); } });
        var o = terminal.Out;
        o.WriteLine();
        o.WriteLine($"Fired {firings.Count} time(s) on {string.Join(", ", logs)}{(firings.Count > 20 ? " (first 20 shown)" : "")}:");
        foreach (var firing in firings.Take(20))
        {
            o.WriteLine($"  {firing.Rule}");
            foreach (var fact in firing.Facts)
                o.WriteLine($"    {FactText.Describe(fact)}");
        }
    }

    /// <summary>A subcommand that loads the rules (shipped, plus directories given) and works on them.</summary>
    private static Command Subcommand(string name, string description, Func<RuleSet, int> action)
    {
        var common = new CommonOptions();
        var directories = Directories();
        var command = new Command(name, description);
        command.Arguments.Add(directories);
        common.AddTo(command);
        command.SetAction(parse => action(Load(parse, common, directories)));
        return command;
    }

    private static RuleSet Load(ParseResult parse, CommonOptions common, Argument<string[]> directories)
    {
        var extra = (parse.GetValue(common.Rules) ?? []).Concat(parse.GetValue(directories) ?? []).ToList();
        return new RuleSetLoader().LoadDirectories(RuleDirectories.Resolve(extra, !parse.GetValue(common.NoDefaultRules)));
    }
}
