using NetArchTest.Rules;

namespace LogTriage.Tests.Architecture;

/// <summary>
/// The pipeline runs one way: Input → Parsing → Signals → Engine → Report. A stage may use the
/// stages before it (and the rule model), never those after it. Checked on the compiled assembly,
/// method bodies included.
/// </summary>
public class StageDependencyTests
{
    private static readonly string[] Stages = ["Input", "Parsing", "Signals", "Engine", "Report"];

    private static IEnumerable<TestCaseData> LaterStages() =>
        Stages.SelectMany((stage, i) => Stages.Skip(i + 1).Select(later =>
            new TestCaseData(stage, later).SetName($"{stage} does not depend on {later}")));

    [TestCaseSource(nameof(LaterStages))]
    public void A_stage_does_not_depend_on_a_later_one(string stage, string later)
    {
        var result = Types.InAssembly(typeof(LogAnalyzer).Assembly)
            .That().ResideInNamespace($"LogTriage.{stage}")
            .ShouldNot().HaveDependencyOn($"LogTriage.{later}")
            .GetResult();
        Assert.That(result.FailingTypeNames ?? [], Is.Empty, $"types of {stage} that use {later}");
    }

    [Test]
    public void The_rule_model_depends_on_no_stage_after_parsing()
    {
        var result = Types.InAssembly(typeof(LogAnalyzer).Assembly)
            .That().ResideInNamespace("LogTriage.Rules")
            .ShouldNot().HaveDependencyOnAny("LogTriage.Signals", "LogTriage.Engine", "LogTriage.Report", "LogTriage.Input")
            .GetResult();
        Assert.That(result.FailingTypeNames ?? [], Is.Empty);
    }

    /// <summary>
    /// Windows, sequences, negation and explanations are decided by the compiled rules: outside the
    /// rule model, only the compiler reads them (and the plans of which keys facts keep and for how
    /// long, the list of rules a fact set needs, and the CLI that describes a rule to its reader).
    /// </summary>
    [Test]
    public void Only_the_rule_compiler_decides_windows_sequences_negation_and_explanations()
    {
        string[] allowed = ["RuleCompiler", "CauseEngine", "CoalescingPlan", "FactRetention", "RuleExplanation", "RuleSet", "RuleSetValidator", "RuleFileReader", "RuleDefinition"];
        var reasoning = new[] { typeof(LogTriage.Rules.ThresholdCondition), typeof(LogTriage.Rules.SequenceCondition), typeof(LogTriage.Rules.UnlessCondition), typeof(LogTriage.Rules.ExplainsRelation) }
            .Select(t => t.FullName!).ToArray();
        foreach (var assembly in new[] { typeof(LogAnalyzer).Assembly, typeof(LogTriage.Cli.RuleDirectories).Assembly })
        {
            var result = Types.InAssembly(assembly)
                .That().DoNotHaveName(allowed).And().DoNotResideInNamespace("LogTriage.Rules")
                .ShouldNot().HaveDependencyOnAny(reasoning)
                .GetResult();
            Assert.That(result.FailingTypeNames ?? [], Is.Empty, $"{assembly.GetName().Name}: types that read thresholds, sequences, unless or explains");
        }
    }
}
