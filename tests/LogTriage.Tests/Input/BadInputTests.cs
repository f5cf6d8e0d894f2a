using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Input;

/// <summary>The worst inputs of the worst day: each is read as far as it can be, or named in one line; the others are still analysed.</summary>
public class BadInputTests
{
    private string _dir = "";
    private static readonly byte[] Good = File.ReadAllBytes(RepositoryPaths.Sample("auth-wrong-password.log"));

    [SetUp]
    public void CreateDirectory() => _dir = Directory.CreateTempSubdirectory("logtriage-bad-").FullName;

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static JsonElement Json(CliRun run)
    {
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        return JsonDocument.Parse(run.Out).RootElement;
    }

    private static string TopCause(JsonElement report) => report.GetProperty("causes")[0].GetProperty("cause").GetString()!;

    [Test]
    public void Binary_data_is_named_and_skipped_and_the_other_inputs_analysed()
    {
        var binary = Write("core.bin", File.ReadAllBytes(typeof(object).Assembly.Location)[..65536]);
        var run = CliRun.Of("analyze", binary, RepositoryPaths.Sample("auth-wrong-password.log"), "--format", "json");
        var report = Json(run);
        Assert.That(run.Error.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(run.Error, Does.Contain("core.bin").And.Contain("binary"));
        Assert.That(TopCause(report), Is.EqualTo("auth"));
    }

    [Test]
    public void Only_binary_input_is_exit_code_2()
    {
        var binary = Write("core.bin", File.ReadAllBytes(typeof(object).Assembly.Location)[..65536]);
        var run = CliRun.Of("analyze", binary);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Not.Contain("   at "));
    }

    [Test]
    public void Invalid_utf8_and_nul_bytes_are_read_around()
    {
        var bytes = new List<byte>(Good);
        bytes.InsertRange(Good.Length / 2, new byte[] { 0xC3, 0x28, 0xFF, 0x00, 0x0A });
        var report = Json(CliRun.Of("analyze", Write("mixed.log", [.. bytes]), "--format", "json"));
        Assert.That(TopCause(report), Is.EqualTo("auth"));
    }

    [Test]
    public void Crlf_and_mixed_line_ends_are_the_same_log()
    {
        var text = Encoding.UTF8.GetString(Good);
        var lines = text.TrimEnd('\n').Split('\n');
        var mixed = string.Concat(lines.Select((l, i) => l + (i % 2 == 0 ? "\r\n" : "\n")));
        var report = Json(CliRun.Of("analyze", Write("crlf.log", Encoding.UTF8.GetBytes(mixed)), "--format", "json"));
        Assert.That(report.GetProperty("inputs")[0].GetProperty("unparsed").GetInt64(), Is.EqualTo(0));
        Assert.That(report.GetProperty("inputs")[0].GetProperty("lines").GetInt64(), Is.EqualTo(lines.Length));
        Assert.That(TopCause(report), Is.EqualTo("auth"));
        Assert.That(report.GetProperty("causes")[0].GetProperty("evidence")[0].GetProperty("text").GetString(), Does.Not.EndWith("\r"));
    }

    [Test]
    public void A_truncated_gzip_is_read_as_far_as_it_goes_and_said_so()
    {
        using var buffer = new MemoryStream();
        using (var gz = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            gz.Write(Good);
        var cut = buffer.ToArray()[..(int)(buffer.Length * 3 / 4)];
        var run = CliRun.Of("analyze", Write("rotated.log.gz", cut), "--format", "json");
        var report = Json(run);
        var input = report.GetProperty("inputs")[0];
        Assert.That(input.GetProperty("lines").GetInt64(), Is.GreaterThan(0));
        Assert.That(input.TryGetProperty("error", out _), Is.True);
        Assert.That(run.Error, Does.Contain("rotated.log.gz"));
        Assert.That(run.Error, Does.Match(@"ends early, after [\d,]+ bytes of log text"));
        Assert.That(run.Error, Does.Not.Contain("archive says"), "a truncated trailer is garbage, never quoted");
        Assert.That(report.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()), Has.Some.Contains("rotated.log.gz"));
    }

    [Test]
    public void An_empty_file_is_an_empty_analysis()
    {
        var report = Json(CliRun.Of("analyze", Write("empty.log", []), "--format", "json"));
        Assert.That(report.GetProperty("causes").GetArrayLength(), Is.EqualTo(0));
        Assert.That(report.GetProperty("inputs")[0].GetProperty("lines").GetInt64(), Is.EqualTo(0));
    }

    [Test]
    public void A_100_MB_line_is_cut_counted_and_the_rest_still_read()
    {
        var path = Path.Combine(_dir, "huge.log");
        using (var file = File.Create(path))
        {
            file.Write(Good.AsSpan(0, Good.Length / 2));
            var chunk = Encoding.ASCII.GetBytes(new string('x', 1 << 20));
            for (var i = 0; i < 100; i++)
                file.Write(chunk);
            file.Write("\n"u8);
            file.Write(Good.AsSpan(Good.Length / 2));
        }
        var run = CliRun.Of("analyze", path, "--format", "json");
        var report = Json(run);
        Assert.That(report.GetProperty("inputs")[0].GetProperty("truncatedLines").GetInt64(), Is.EqualTo(1));
        Assert.That(TopCause(report), Is.EqualTo("auth"));
    }

    [Test]
    public void A_directory_given_as_input_is_read_as_a_folder_of_logs()
    {
        Write("a.log", Good);
        var report = Json(CliRun.Of("analyze", _dir, "--format", "json"));
        Assert.That(TopCause(report), Is.EqualTo("auth"));
    }

    [Test]
    public void A_fifo_is_read_like_a_pipe()
    {
        var fifo = Path.Combine(_dir, "pipe.log");
        using (var mkfifo = Process.Start("mkfifo", fifo))
            mkfifo.WaitForExit();
        var writer = Task.Run(() =>
        {
            using var stream = new FileStream(fifo, FileMode.Open, FileAccess.Write);
            stream.Write(Good);
        });
        var report = Json(CliRun.Of("analyze", fifo, "--format", "json"));
        writer.Wait(TimeSpan.FromSeconds(10));
        Assert.That(TopCause(report), Is.EqualTo("auth"));
    }

    [Test]
    public void Missing_and_unreadable_inputs_are_one_line_each()
    {
        var run = CliRun.Of("analyze", Path.Combine(_dir, "missing.log"), RepositoryPaths.Sample("max-connections.log"), "--format", "json");
        Assert.That(TopCause(Json(run)), Is.EqualTo("overload"));
        Assert.That(run.Error.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(run.Error, Does.Contain("missing.log: no such file or directory"));
    }
}
