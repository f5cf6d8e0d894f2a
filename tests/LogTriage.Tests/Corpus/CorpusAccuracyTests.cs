using LogTriage.Input;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Corpus;

/// <summary>
/// The development corpus (tests/corpus: real logs pasted in public NATS threads, labelled with the
/// thread's own diagnosis) through the shipped rules. A healthy log must give no cause at warning or
/// above, and the share of logs whose top cause is the root or an accepted symptom must not fall
/// below what it was when the rules were last tuned. tests/corpus/accuracy.py prints the detail.
/// </summary>
public class CorpusAccuracyTests
{
    /// <summary>The lenient top-1 share reached on the whole corpus; a change that loses ground fails.</summary>
    private const double LenientFloor = 0.86;

    private sealed record Entry(string File, string Path, string Cause, IReadOnlySet<string> Accepted);

    private static IReadOnlyList<Entry> Manifest() =>
        Read(Path.Combine(RepositoryPaths.Root, "tests", "corpus"), "logs")
            .Concat(Read(Path.Combine(RepositoryPaths.Samples, "lifecycle"), ""))
            .ToList();

    private static IEnumerable<Entry> Read(string folder, string logs) =>
        File.ReadAllLines(Path.Combine(folder, "manifest.tsv")).Skip(1)
            .Where(l => l.Trim().Length > 0)
            .Select(l => l.Split('\t'))
            .Select(f => new Entry(f[0], Path.Combine(folder, logs, f[0]), f[1], f[2].Split(',').Where(a => a is not ("" or "-")).Append(f[1]).ToHashSet()));

    /// <summary>The third set aside, as tests/corpus/accuracy.py chooses it: by a hash of the file name.</summary>
    private static bool IsSetAside(string file) =>
        System.Numerics.BigInteger.Parse("0" + Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.UTF8.GetBytes(file))),
            System.Globalization.NumberStyles.HexNumber) % 3 == 0;

    private static string Top(Entry entry)
    {
        var result = ShippedRules.Analyzer.Analyze([InputSource.FromFile(entry.Path)]);
        return result.Causes.Count == 0 ? "healthy" : result.Causes[0].Cause;
    }

    /// <summary>The development two thirds: the set-aside third's false alarms are counted by accuracy.py, not tuned away.</summary>
    [Test]
    public void Healthy_logs_give_no_cause()
    {
        var alarms = Manifest().Where(e => e.Cause == "healthy" && !IsSetAside(e.File)).Select(e => (e.File, Top: Top(e))).Where(r => r.Top != "healthy").ToList();
        Assert.That(alarms, Is.Empty, $"{alarms.Count(a => IsSetAside(a.File))} on set-aside logs; development:\n"
            + string.Join("\n", alarms.Where(a => !IsSetAside(a.File)).Select(a => $"{a.File}: {a.Top}")));
    }

    [Test]
    public void The_top_cause_is_the_root_or_an_accepted_symptom()
    {
        var entries = Manifest();
        var misses = entries.Select(e => (e.File, e.Cause, Top: Top(e), e.Accepted)).Where(r => !r.Accepted.Contains(r.Top)).ToList();
        var share = 1.0 - (double)misses.Count / entries.Count;
        TestContext.Out.WriteLine($"lenient top-1: {share:P1} of {entries.Count}");
        // Misses of the set-aside third are counted, not named: they are not looked at while writing rules.
        Assert.That(share, Is.GreaterThanOrEqualTo(LenientFloor),
            $"{misses.Count(m => IsSetAside(m.File))} set-aside misses; development misses:\n"
            + string.Join("\n", misses.Where(m => !IsSetAside(m.File)).Select(m => $"{m.File}: labelled {m.Cause}, got {m.Top}")));
    }
}
