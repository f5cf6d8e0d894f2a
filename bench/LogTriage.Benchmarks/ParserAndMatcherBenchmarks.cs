using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using LogTriage.Input;
using LogTriage.Parsing;
using LogTriage.Rules;
using LogTriage.Signals;

namespace LogTriage.Benchmarks;

/// <summary>
/// The per-line costs of <c>logtriage analyze</c> on a nats-server log, on in-memory lines:
/// parsing (<see cref="NatsServerLineParser"/>: server prefix, connection prefix, crash
/// gathering) and single-event rule matching (<see cref="SignalMatcher.Match"/> with the shipped
/// rules), and the prefilter that decides which lines are parsed at all
/// (<see cref="NatsServerLineParser.IsSkippable"/>). Results are per line (OperationsPerInvoke = <see cref="Lines"/>).
/// Sources: <c>samples</c> = the real server logs of samples-logs/ repeated (mostly DBG/INF, many
/// signal lines); <c>generated</c> = the first lines of a bench/generate-log file (trace traffic,
/// rare signals, the mix of the 1 GiB benchmark).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ParserAndMatcherBenchmarks
{
    public const int Lines = 10_000;

    [Params("samples", "generated")]
    public string Source { get; set; } = "samples";

    private InputLine[] _lines = [];
    private LogEvent[] _events = [];
    private SignalMatcher _matcher = null!;
    private readonly List<Signal> _signals = new();

    [GlobalSetup]
    public void Setup()
    {
        var repo = RepoRoot();
        var texts = Source == "samples" ? SampleLines(repo) : GeneratedLines(repo);
        _lines = texts.Select((t, i) => new InputLine(i + 1, t)).ToArray();
        _events = new NatsServerLineParser("bench").Parse(_lines).ToArray();
        _matcher = new SignalMatcher(new RuleSetLoader().LoadDirectories([Path.Combine(repo, "rules")]));
    }

    [Benchmark(OperationsPerInvoke = Lines, Description = "NatsServerLineParser.Parse, per line")]
    public int Parse()
    {
        var n = 0;
        foreach (var _ in new NatsServerLineParser("bench").Parse(_lines))
            n++;
        return n;
    }

    /// <summary>
    /// The prefilter every line of a file meets before it may become a string: the server prefix
    /// (pid, stamp, level) and the literals of the rules for that level, on the decoded line.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Lines, Description = "NatsServerLineParser.IsSkippable (prefilter), per line")]
    public int Prefilter()
    {
        var skipper = new NatsServerLineParser("bench", _matcher);
        var n = 0;
        foreach (var line in _lines)
            if (skipper.IsSkippable(line.Text))
                n++;
        return n;
    }

    [Benchmark(OperationsPerInvoke = Lines, Description = "SignalMatcher.Match, per line")]
    public int Match()
    {
        var n = 0;
        foreach (var e in _events)
        {
            _signals.Clear();
            _matcher.Match(e, _signals);
            n += _signals.Count;
        }
        return n;
    }

    private static List<string> SampleLines(string repo)
    {
        var real = Directory.EnumerateFiles(Path.Combine(repo, "samples-logs"), "*.log").Order(StringComparer.Ordinal)
            .SelectMany(File.ReadLines).ToList();
        var lines = new List<string>(Lines);
        while (lines.Count < Lines)
            lines.AddRange(real.Take(Lines - lines.Count));
        return lines;
    }

    private static List<string> GeneratedLines(string repo)
    {
        var path = "/tmp/logtriage-bench/benchmarks-20MB.log";
        if (!File.Exists(path))
        {
            var generator = Process.Start(new ProcessStartInfo(Path.Combine(repo, "bench", "generate-log"), [path, "20MB", "42", "5"]))!;
            generator.WaitForExit();
            if (generator.ExitCode != 0)
                throw new InvalidOperationException("bench/generate-log failed");
        }
        // Skip the banner and the first connection storm: steady-state traffic with its rare signals.
        return File.ReadLines(path).Skip(5_000).Take(Lines).ToList();
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LogTriage.sln")) && Directory.Exists(Path.Combine(dir.FullName, "rules")))
                return dir.FullName;
        return Environment.GetEnvironmentVariable("LOGTRIAGE_REPO") ?? throw new InvalidOperationException("repository root not found; set LOGTRIAGE_REPO");
    }
}
