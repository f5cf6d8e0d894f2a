using System.Text;
using LogTriage.Input;
using LogTriage.Parsing;
using LogTriage.Signals;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Input;

/// <summary>
/// A large file is read ahead (blocks split and tested on the other cores while the parser works
/// on the one before); a pipe is read a block at a time. Both must hand the parser exactly the
/// same lines, numbers and statistics, whatever the blocks' boundaries cut.
/// </summary>
public class LineReaderTests
{
    private static readonly string ComposePrefixed = Path.Combine(TestContext.CurrentContext.TestDirectory, "Parsing", "Fixtures", "Prefixed", "compose-v2.log");

    /// <summary>Real server lines, repeated past the size from which files are read ahead, with the awkward cases between them.</summary>
    private static byte[] LargeLog(string sample, bool awkward)
    {
        var lines = File.ReadAllBytes(sample);
        using var output = new MemoryStream();
        if (awkward)
            output.Write([0xEF, 0xBB, 0xBF]);
        var round = 0;
        while (output.Length < LineReader.ReadAheadFrom + (3 << 20))
        {
            output.Write(lines);
            if (awkward && round == 7)
                output.Write(Encoding.ASCII.GetBytes(new string('x', 3 << 19) + "\n"));   // a line of 1.5 MB, longer than a block
            if (awkward && round % 5 == 0)
                output.Write("[1] 2026/11/25 10:00:00.000001 [INF] a line ending in CRLF\r\n"u8);
            round++;
        }
        if (awkward)
            output.Write("[1] 2026/11/25 10:00:00.000001 [ERR] a last line without its line end"u8);
        return output.ToArray();
    }

    /// <summary>The lines as a plain split sees them: the BOM and CRs dropped, the one long line cut.</summary>
    private static IEnumerable<string> LinesOf(byte[] bytes, bool completeLinesOnly)
    {
        var text = Encoding.UTF8.GetString(bytes.AsSpan(3));
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).Select(l => l.Length > LineReader.MaxLineLength ? l[..LineReader.MaxLineLength] : l);
        return completeLinesOnly || text.EndsWith('\n') ? lines.SkipLast(1) : lines;
    }

    private static (List<InputLine> Lines, InputStatistics Stats) Read(byte[] bytes, bool ahead, bool completeLinesOnly = false)
    {
        var stats = new InputStatistics("x");
        var reader = new LineReader { ReadAhead = ahead };
        return (reader.Read(new MemoryStream(bytes), stats, completeLinesOnly: completeLinesOnly).ToList(), stats);
    }

    [TestCase(false)]
    [TestCase(true)]
    public void A_file_read_ahead_gives_the_lines_of_one_read_a_block_at_a_time(bool completeLinesOnly)
    {
        var bytes = LargeLog(RepositoryPaths.Sample("slow-consumer.log"), awkward: true);
        var (ahead, aheadStats) = Read(bytes, ahead: true, completeLinesOnly);
        var (blockwise, blockStats) = Read(bytes, ahead: false, completeLinesOnly);

        Assert.Multiple(() =>
        {
            Assert.That(ahead.Count, Is.GreaterThan(40_000));
            Assert.That(ahead, Is.EqualTo(blockwise), "same lines, same numbers");
            Assert.That(ahead.Select(l => l.Text), Is.EqualTo(LinesOf(bytes, completeLinesOnly)), "the file's own lines");
            Assert.That(ahead.Count(l => l.Text.EndsWith('\r')), Is.Zero, "CR of CRLF dropped");
            Assert.That(ahead[0].Text[0], Is.EqualTo('['), "the BOM is no part of the first line");
            Assert.That(ahead.Last().Text.Contains("without its line end"), Is.EqualTo(!completeLinesOnly));
            Assert.That(aheadStats.Lines, Is.EqualTo(blockStats.Lines));
            Assert.That(aheadStats.Bytes, Is.EqualTo(bytes.Length));
            Assert.That(aheadStats.ConsumedBytes, Is.EqualTo(blockStats.ConsumedBytes));
            Assert.That(aheadStats.ConsumedBytes, Is.EqualTo(completeLinesOnly ? Array.LastIndexOf(bytes, (byte)'\n') + 1 : bytes.Length));
            Assert.That(aheadStats.TruncatedLines, Is.EqualTo(1).And.EqualTo(blockStats.TruncatedLines));
        });
    }

    /// <summary>
    /// Read as the analyzer reads: the format detected on the first lines, then the parser skips
    /// what no rule can match. The blocks tested ahead use what the parser had learnt when they
    /// were read, and must keep what the parser keeps when it tests each block as it reaches it.
    /// </summary>
    [TestCase("slow-consumer.log")]
    [TestCase("go-panic.log")]
    [TestCase("compose-v2.log")]
    public void Skipping_ahead_keeps_the_events_and_counts_of_skipping_as_the_parser_goes(string name)
    {
        var sample = name == "compose-v2.log" ? ComposePrefixed : RepositoryPaths.Sample(name);
        var bytes = LargeLog(sample, awkward: false);
        var (aheadEvents, aheadStats) = Parse(bytes, ahead: true);
        var (blockEvents, blockStats) = Parse(bytes, ahead: false);

        Assert.Multiple(() =>
        {
            Assert.That(aheadStats.Skipped, Is.GreaterThan(aheadStats.Lines / 2), "most of a repeated log is skipped");
            Assert.That(aheadEvents.Select(e => (e.Line, e.Level, e.Message)), Is.EqualTo(blockEvents.Select(e => (e.Line, e.Level, e.Message))));
            Assert.That(aheadStats.Skipped, Is.EqualTo(blockStats.Skipped));
            Assert.That(aheadStats.Lines, Is.EqualTo(blockStats.Lines));
        });
    }

    private static (List<LogEvent> Events, InputStatistics Stats) Parse(byte[] bytes, bool ahead)
    {
        var stats = new InputStatistics("x");
        var reader = new LineReader { ReadAhead = ahead };
        using var lines = new PeekableLines(reader.Read(new MemoryStream(bytes), stats), () => reader.AtEndOfAvailable);
        var format = FormatDetector.Default.Detect(lines.Peek(200));
        var parser = format.CreateParser("x", new SignalMatcher(ShippedRules.Rules));
        reader.Skipper = parser as ILineSkipper;
        return (parser.Parse(lines).ToList(), stats);
    }

    [Test]
    public void A_reading_abandoned_half_way_returns_while_blocks_ahead_are_still_tested()
    {
        var bytes = LargeLog(RepositoryPaths.Sample("healthy.log"), awkward: false);
        var (all, _) = Read(bytes, ahead: true);
        var first = new LineReader { ReadAhead = true }.Read(new MemoryStream(bytes), new InputStatistics("x")).Take(1000).ToList();
        Assert.That(first, Is.EqualTo(all.Take(1000)));
    }
}
