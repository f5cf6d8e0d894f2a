using LogTriage.Rules;

namespace LogTriage.Tests.Rules;

public class RuleValidationTests
{
    private const string Causes = """
        causes:
          - id: auth
            title: Authentication failure
            summary: Credentials were refused.
            diagnosis: Look at the authentication errors.
            fix: [Fix the credentials.]
        """;

    private static IReadOnlyList<RuleError> Errors(string rules)
    {
        try
        {
            new RuleSetLoader().LoadFiles([
                ("causes.yaml", () => new StringReader(Causes)),
                ("rules.yaml", () => new StringReader(rules)),
            ]);
        }
        catch (RuleValidationException e)
        {
            return e.Errors;
        }
        return [];
    }

    [Test]
    public void A_valid_file_loads()
    {
        Assert.That(Errors("""
            rules:
              - id: a
                cause: auth
                when: { level: [ERR], message: { contains: "authentication error" } }
            """), Is.Empty);
    }

    [Test]
    public void Reports_an_unknown_key_at_its_position()
    {
        var errors = Errors("""
            rules:
              - id: a
                cause: auth
                severty: error
                when: { message: { contains: x } }
            """);
        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0].Location, Is.EqualTo(new SourceLocation("rules.yaml", 4, 5)));
        Assert.That(errors[0].Message, Does.Contain("unknown key 'severty'"));
    }

    [Test]
    public void Reports_an_unknown_cause()
    {
        var errors = Errors("""
            rules:
              - id: a
                cause: weather
                when: { message: { contains: x } }
            """);
        Assert.That(errors.Single().Message, Does.Contain("unknown cause 'weather'"));
        Assert.That(errors.Single().Location.Line, Is.EqualTo(2));
    }

    [Test]
    public void Reports_a_bad_regex()
    {
        var errors = Errors("""
            rules:
              - id: a
                cause: auth
                when: { message: { regex: 'unclosed (group' } }
            """);
        Assert.That(errors.Single().Message, Does.Contain("invalid regex"));
    }

    [Test]
    public void A_catastrophic_regex_cannot_hang_a_scan()
    {
        var rules = new RuleSetLoader().LoadFiles([
            ("causes.yaml", () => new StringReader(Causes)),
            ("rules.yaml", () => new StringReader("""
                rules:
                  - id: a
                    cause: auth
                    when: { message: { contains: aaaa, regex: '^(a+)+$' } }
                """)),
        ]);
        var hostile = "[7] 2026/11/25 10:00:00.000001 [ERR] " + new string('a', 5000) + "!\n";
        var started = System.Diagnostics.Stopwatch.StartNew();
        var result = new LogAnalyzer(rules).Analyze([LogTriage.Input.InputSource.FromText("hostile.log", string.Concat(Enumerable.Repeat(hostile, 3)))]);
        Assert.That(result.Causes, Is.Empty);
        Assert.That(started.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "each match is cut off by the timeout");
    }

    [Test]
    public void Reports_duplicate_ids_with_both_positions()
    {
        var errors = Errors("""
            rules:
              - id: a
                cause: auth
                when: { message: { contains: x } }
              - id: a
                cause: auth
                when: { message: { contains: y } }
            """);
        Assert.That(errors.Single().Location.Line, Is.EqualTo(5));
        Assert.That(errors.Single().Message, Does.Contain("duplicate rule id 'a'").And.Contain("rules.yaml:2:5"));
    }

    [Test]
    public void A_plain_list_of_rules_gets_a_hint_about_the_rules_key()
    {
        var errors = Errors("- id: a.b\n  cause: auth\n  title: t\n");
        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0].Message, Does.Contain("'rules:' key"));
        Assert.That(errors[0].Location.Line, Is.EqualTo(1));
    }

    [Test]
    public void Reports_a_yaml_syntax_error_with_its_position()
    {
        var errors = Errors("rules:\n  - id: a\n    cause: [auth\n");
        Assert.That(errors, Is.Not.Empty);
        Assert.That(errors[0].Message, Does.StartWith("YAML syntax"));
        Assert.That(errors[0].Location.Line, Is.GreaterThanOrEqualTo(3));
    }

    [Test]
    public void Reports_wrong_types_and_values()
    {
        var errors = Errors("""
            rules:
              - id: a
                cause: auth
                severity: fatal
                confidence: high
                when: { level: [LOUD], message: { contains: x } }
            """);
        Assert.That(errors.Select(e => e.Message), Has.Some.Contains("'severity' must be one of"));
        Assert.That(errors.Select(e => e.Message), Has.Some.Contains("'confidence' must be a number"));
        Assert.That(errors.Select(e => e.Message), Has.Some.Contains("unknown level 'LOUD'"));
    }

    [Test]
    public void Reports_a_threshold_over_an_unknown_rule_and_a_bad_window()
    {
        var errors = Errors("""
            rules:
              - id: t
                cause: auth
                threshold: { rule: nowhere, count: 3, within: soon, per: address }
              - id: u
                cause: auth
                threshold: { rule: nowhere, count: 3, within: 1m }
            """);
        Assert.That(errors.Select(e => e.Message), Has.Some.Contains("'within' must be a duration"));
        Assert.That(errors.Select(e => e.Message), Has.Some.Contains("threshold counts unknown rule 'nowhere'"));
    }

    [Test]
    public void Reports_every_error_of_a_file_together()
    {
        var errors = Errors("""
            rules:
              - id: a
                cause: nope
                when: { message: { contains: x } }
              - id: b
                cause: auth
                colour: red
                when: { message: { contains: y } }
            """);
        Assert.That(errors, Has.Count.EqualTo(2));
    }
}
