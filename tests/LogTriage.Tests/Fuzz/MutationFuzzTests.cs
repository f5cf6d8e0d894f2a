using CsCheck;
using LogTriage.Input;
using LogTriage.Parsing;
using LogTriage.Rules;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Fuzz;

/// <summary>
/// Mutated real logs and mutated real rule files through the whole pipeline, for a bounded
/// number of cases: no exception may escape, and every line read is accounted for.
/// </summary>
public class MutationFuzzTests
{
    private static readonly byte[][] Logs = Directory.EnumerateFiles(RepositoryPaths.Samples, "*.log")
        .Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();

    private static readonly (string Name, string Text)[] RuleFiles = Directory.EnumerateFiles(RepositoryPaths.Rules, "*.yaml")
        .Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllText(f))).ToArray();

    /// <summary>CI replays fixed cases (seeds that once found bugs); a developer's run explores new ones.</summary>
    private static string? Seed(string ciSeed) => Environment.GetEnvironmentVariable("CI") == "true" ? ciSeed : null;

    private static readonly Gen<(int Sample, int Seed)> Cases = Gen.Select(Gen.Int[0, 1 << 20], Gen.Int, (s, seed) => (s, seed));

    /// <summary>Byte-level damage of the kinds real logs suffer: flipped bytes, NULs, invalid UTF-8, cuts, CRs, huge lines, repeats.</summary>
    private static byte[] Mutate(byte[] source, int seed)
    {
        var random = new Random(seed);
        var bytes = new List<byte>(source);
        var mutations = random.Next(1, 6);
        for (var m = 0; m < mutations && bytes.Count > 0; m++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(8))
            {
                case 0: bytes[at] = (byte)random.Next(256); break;
                case 1: bytes.Insert(at, 0); break;
                case 2: bytes.InsertRange(at, new byte[] { 0xC3, 0x28, 0xFF, 0xFE }); break;
                case 3: bytes.RemoveRange(at, Math.Min(random.Next(1, 200), bytes.Count - at)); break;
                case 4: bytes.Insert(at, (byte)'\r'); break;
                case 5: bytes.InsertRange(at, Enumerable.Repeat((byte)'x', random.Next(70_000, 150_000))); break;
                case 6: bytes.InsertRange(at, bytes.GetRange(at, Math.Min(500, bytes.Count - at))); break;
                default: bytes.InsertRange(at, "\npanic: fuzz\n\ngoroutine 1 [running]:\n"u8.ToArray()); break;
            }
        }
        return [.. bytes];
    }

    [Test]
    public void Mutated_logs_never_crash_the_pipeline_and_every_line_is_accounted_for()
    {
        Cases.Sample(c =>
        {
            var bytes = Mutate(Logs[c.Sample % Logs.Length], c.Seed);
            var source = new InputSource("fuzz.log", () => new MemoryStream(bytes), bytes.Length);

            var result = ShippedRules.Analyzer.Analyze([source]);
            Assert.That(result.Inputs[0].Error, Is.Null);

            // Every physical line read belongs to exactly one event (a panic gathers several).
            var stats = new InputStatistics("fuzz.log");
            using var lines = new PeekableLines(LineReader.ReadLines(Decompression.Unwrap(source.Open()), stats));
            var format = FormatDetector.Default.Detect(lines.Peek(50));
            var eventLines = format.CreateParser("fuzz.log").Parse(lines).Sum(e => (long)e.LineCount);
            Assert.That(eventLines, Is.EqualTo(stats.Lines));
            Assert.That(result.Inputs[0].Lines, Is.EqualTo(stats.Lines));
        }, seed: Seed("cBwGlifC7C_1"), iter: 300, threads: 1);
    }

    /// <summary>Text-level damage of rule files: lost lines, swapped lines, stray YAML punctuation, broken indentation.</summary>
    private static string MutateRules(string text, int seed)
    {
        var random = new Random(seed);
        var lines = text.Split('\n').ToList();
        for (var m = random.Next(1, 4); m > 0 && lines.Count > 1; m--)
        {
            var at = random.Next(lines.Count);
            switch (random.Next(5))
            {
                case 0: lines.RemoveAt(at); break;
                case 1: (lines[at], lines[^1]) = (lines[^1], lines[at]); break;
                case 2: lines[at] = lines[at].Insert(random.Next(lines[at].Length + 1), new[] { ":", "[", "'", "{", "- ", "\"" }[random.Next(6)]); break;
                case 3: lines[at] = " " + lines[at]; break;
                default: lines[at] = lines[at].Replace("error", "fatal").Replace("0.9", "9").Replace("60s", "soon"); break;
            }
        }
        return string.Join('\n', lines);
    }

    [Test]
    public void Mutated_rule_files_load_or_fail_with_positioned_errors_only()
    {
        var causes = RuleFiles.Single(f => f.Name == "causes.yaml");
        Cases.Sample(c =>
        {
            var (name, text) = RuleFiles[c.Sample % RuleFiles.Length];
            var mutated = MutateRules(text, c.Seed);
            try
            {
                var files = name == causes.Name
                    ? new[] { (name, (Func<TextReader>)(() => new StringReader(mutated))) }
                    : [(causes.Name, () => new StringReader(causes.Text)), (name, () => new StringReader(mutated))];
                var rules = new RuleSetLoader().LoadFiles(files);
                Assert.That(new LogAnalyzer(rules).Analyze([InputSource.FromText("x", "[7] 2026/11/25 10:00:00.000001 [ERR] 10.0.0.1:4000 - cid:1 - authentication error\n")]), Is.Not.Null);
            }
            catch (RuleValidationException e)
            {
                Assert.That(e.Errors, Is.Not.Empty);
                Assert.That(e.Errors.All(r => r.Location.Line >= 0 && r.Message.Length > 0), Is.True);
            }
        }, seed: Seed("9Xpx10hMqZh1"), iter: 300, threads: 1);
    }
}
