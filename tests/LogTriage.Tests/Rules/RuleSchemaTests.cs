using LogTriage.Rules;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Rules;

public class RuleSchemaTests
{
    private static readonly RuleSchemaValidator Schema =
        RuleSchemaValidator.FromFile(Path.Combine(RepositoryPaths.Rules, "schema", "logtriage-rules.schema.json"));

    private static IEnumerable<string> ShippedFiles() =>
        Directory.EnumerateFiles(RepositoryPaths.Rules, "*.yaml").Order(StringComparer.Ordinal).Select(Path.GetFileName)!;

    [TestCaseSource(nameof(ShippedFiles))]
    public void Every_shipped_rule_file_satisfies_the_schema(string file)
    {
        using var reader = new StreamReader(Path.Combine(RepositoryPaths.Rules, file));
        Assert.That(Schema.Validate(file, reader), Is.Empty);
    }

    [Test]
    public void The_schema_rejects_what_the_loader_rejects_at_the_same_place()
    {
        const string bad = "rules:\n  - id: x.y\n    cause: weather\n    when: { message: { contains: a } }\n";
        var errors = Schema.Validate("bad.yaml", new StringReader(bad));
        Assert.That(errors.Any(e => e.Location == new SourceLocation("bad.yaml", 3, 12)), Is.True,
            string.Join("\n", errors));
    }

    [Test]
    public void The_schema_accepts_a_disabled_rule_and_a_sequence()
    {
        const string good = """
            rules:
              - id: server.auth.closed-auth
                disabled: true
              - id: mine.seq
                cause: overload
                sequence: { first: [a], then: b, within: 5s, same: client }
            """;
        Assert.That(Schema.Validate("good.yaml", new StringReader(good)), Is.Empty);
    }
}
