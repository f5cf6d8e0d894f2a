using System.Text;
using System.Text.Json;
using LogTriage.Input;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Input;

/// <summary>Logs that Windows tools wrote in UTF-16 read as the same log as its UTF-8 original.</summary>
public class Utf16InputTests
{
    private static readonly string Original = File.ReadAllText(RepositoryPaths.Sample("auth-wrong-password.log"));
    private static readonly string[] OriginalLines = Original.TrimEnd('\n').Split('\n');

    private static byte[] Encode(Encoding encoding, bool bom, string text) =>
        [.. bom ? encoding.GetPreamble() : [], .. encoding.GetBytes(text)];

    private static List<string> Lines(InputSource source) =>
        source.ReadLines(new InputStatistics(source.Name)).Select(l => l.Text).ToList();

    private static InputSource Bytes(byte[] bytes, bool seekable) =>
        new("utf16.log", () => seekable ? new MemoryStream(bytes) : new PipeLike(bytes), bytes.Length);

    [TestCase("utf-16LE with a byte order mark", "LE", true)]
    [TestCase("utf-16LE without one (PowerShell's Out-File -Encoding Unicode has one; other tools do not)", "LE", false)]
    [TestCase("utf-16BE with a byte order mark", "BE", true)]
    public void Every_line_reads_as_in_the_utf8_original_from_a_file_and_from_a_pipe(string what, string order, bool bom)
    {
        var encoding = order == "LE" ? Encoding.Unicode : Encoding.BigEndianUnicode;
        var bytes = Encode(encoding, bom, Original.Replace("\n", "\r\n"));
        Assert.That(Lines(Bytes(bytes, seekable: true)), Is.EqualTo(OriginalLines), what);
        Assert.That(Lines(Bytes(bytes, seekable: false)), Is.EqualTo(OriginalLines), what + ", piped");
    }

    [Test]
    public void A_utf16_file_gives_the_same_diagnosis_and_evidence_as_its_utf8_original()
    {
        var dir = Directory.CreateTempSubdirectory("logtriage-utf16-").FullName;
        try
        {
            var path = Path.Combine(dir, "nats.log");
            File.WriteAllBytes(path, Encode(Encoding.Unicode, bom: true, Original.Replace("\n", "\r\n")));
            var utf16 = JsonDocument.Parse(CliRun.Of("analyze", path, "--format", "json").Out).RootElement;
            var utf8 = JsonDocument.Parse(CliRun.Of("analyze", RepositoryPaths.Sample("auth-wrong-password.log"), "--format", "json").Out).RootElement;
            var first = utf16.GetProperty("causes")[0];
            Assert.That(first.GetProperty("cause").GetString(), Is.EqualTo(utf8.GetProperty("causes")[0].GetProperty("cause").GetString()));
            Assert.That(first.GetProperty("evidence")[0].GetProperty("text").GetString(),
                Is.EqualTo(utf8.GetProperty("causes")[0].GetProperty("evidence")[0].GetProperty("text").GetString()));
            Assert.That(utf16.GetProperty("inputs")[0].GetProperty("format").GetString(), Is.EqualTo("nats-server"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void A_resumed_scan_skips_what_it_read_counted_in_the_text_it_read()
    {
        var bytes = Encode(Encoding.Unicode, bom: true, Original);
        var firstRun = new InputStatistics("utf16.log");
        var firstThree = Bytes(bytes, seekable: true).ReadLines(firstRun).Take(3).ToList();
        var consumed = firstThree.Sum(l => Encoding.UTF8.GetByteCount(l.Text) + 1);
        var rest = Lines(Bytes(bytes, seekable: true) with { SkipBytes = consumed, FirstLine = 4 });
        Assert.That(rest, Is.EqualTo(OriginalLines[3..]));
    }

    [Test]
    public void Utf8_text_whose_second_byte_is_not_nul_is_left_alone()
    {
        var bytes = Encoding.UTF8.GetBytes("ab\ncd\n");
        Assert.That(Lines(Bytes(bytes, seekable: false)), Is.EqualTo(new[] { "ab", "cd" }));
    }

    /// <summary>A pipe: no seeking, reads return what has arrived.</summary>
    private sealed class PipeLike(byte[] bytes) : ReadOnlyStream
    {
        private int _position;

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, 7), bytes.Length - _position);   // odd, small reads split characters
            Array.Copy(bytes, _position, buffer, offset, n);
            _position += n;
            return n;
        }
    }
}
