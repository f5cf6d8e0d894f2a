using LogTriage.Tests.Support;

namespace LogTriage.Tests.Report;

/// <summary>The default terminal report of a three-cause incident fits one screen and the terminal's width.</summary>
public class OneScreenReportTests
{
    private static readonly string[] Incident =
        ["auth-wrong-password.log", "slow-consumer.log", "connection-reset.log", "stale-connection.log"];

    private static string[] Analyze(params string[] options) =>
        CliRun.Of(["analyze", .. Incident.Select(RepositoryPaths.Sample), "--quiet", .. options]).Out.TrimEnd().Split('\n');

    [Test]
    public void Three_causes_fit_forty_lines_of_the_default_width()
    {
        var lines = Analyze();
        Assert.That(lines.Count(l => l.StartsWith("1. ") || l.StartsWith("2. ") || l.StartsWith("3. ")), Is.EqualTo(3));
        Assert.That(lines, Has.Length.LessThanOrEqualTo(40));
        Assert.That(lines.Max(l => l.Length), Is.LessThanOrEqualTo(100));
        Assert.That(lines, Has.Some.StartsWith("   Fix: "));
        Assert.That(lines.Count(l => l.StartsWith("   > ")), Is.LessThanOrEqualTo(9), "at most three evidence lines per cause");
    }

    [Test]
    public void A_narrow_terminal_gets_narrow_lines_and_no_colour_codes()
    {
        var output = new StringWriter();
        var terminal = new LogTriage.Cli.Terminal(() => Stream.Null, output, new StringWriter()) { Width = 60 };
        LogTriage.Cli.CommandLine.RunAsync(["analyze", .. Incident.Select(RepositoryPaths.Sample), "--quiet"], terminal).GetAwaiter().GetResult();
        var lines = output.ToString().TrimEnd().Split('\n');
        Assert.That(lines.Max(l => l.Length), Is.LessThanOrEqualTo(60));
        Assert.That(output.ToString().Contains('\u001b'), Is.False, "no escape codes without colour");
        // A cut evidence line keeps its start and its end.
        Assert.That(lines.Where(l => l.StartsWith("   > ") && l.Contains("...")), Has.All.Length.EqualTo(60));
    }

    [Test]
    public void Colour_marks_the_severity_only_when_the_terminal_wants_it()
    {
        var output = new StringWriter();
        var terminal = new LogTriage.Cli.Terminal(() => Stream.Null, output, new StringWriter()) { Colour = true };
        LogTriage.Cli.CommandLine.RunAsync(["analyze", RepositoryPaths.Sample("auth-wrong-password.log"), "--quiet"], terminal).GetAwaiter().GetResult();
        Assert.That(output.ToString(), Does.Contain("\u001b[1;31mCRITICAL\u001b[0m"));
    }

    [Test]
    public void Details_prints_everything_there_is()
    {
        var lines = Analyze("--details");
        Assert.That(lines, Has.Some.EqualTo("   What to check:").And.Some.EqualTo("   What to do:"));
        Assert.That(lines, Has.Length.GreaterThan(Analyze().Length));
    }

    [Test]
    public void Evidence_leads_with_the_strongest_rule_and_collapses_lines_of_one_kind()
    {
        var lines = CliRun.Of("analyze", RepositoryPaths.Sample("server-shutdown.log"), "--quiet").Out.Split('\n');
        var evidence = lines.SkipWhile(l => !l.Contains("Server down or unreachable")).Where(l => l.StartsWith("   > ")).ToList();
        // Clients left without a server is the warning; the two close lines are one kind, counted
        // once; the shutdown itself follows. One input: lines are numbered without the file's name.
        Assert.That(evidence, Has.Count.EqualTo(3));
        Assert.That(evidence[0], Does.Match(@"^   > \d+:  \d\d:\d\d:\d\d \[DBG\] Client connection closed: Server Shutdown \(x2 like this\)$"));
        Assert.That(evidence.Skip(1), Has.Some.EndsWith("[INF] Initiating Shutdown..."));
        Assert.That(evidence, Has.None.Contains("server-shutdown.log"));
    }
}
