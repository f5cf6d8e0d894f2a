using System.Diagnostics;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Report;

/// <summary>
/// The HTML report in a real browser: Debian's Chromium, headless, offline, renders it to a
/// screenshot and dumps the DOM it built, which must hold the causes and the evidence.
/// </summary>
[NonParallelizable]
public class HtmlBrowserTests
{
    private string _dir = "";

    [SetUp]
    public void CreateDirectory() => _dir = Directory.CreateTempSubdirectory("logtriage-html-").FullName;

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(_dir, recursive: true);

    private static string Chromium =>
        new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists)
        ?? throw new FileNotFoundException("chromium is not installed: run tests/run.sh (it installs Debian's chromium) or apt-get install -y chromium");

    private (int ExitCode, string Out) Browse(params string[] args)
    {
        var start = new ProcessStartInfo(Chromium) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync", $"--user-data-dir={Path.Combine(_dir, "profile")}" }.Concat(args))
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(90_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("chromium did not finish");
        }
        return (process.ExitCode, stdout.Result);
    }

    private string WriteReport(params string[] samples)
    {
        var path = Path.Combine(_dir, "report.html");
        var run = CliRun.Of(["analyze", .. samples.Select(RepositoryPaths.Sample), "--format", "html", "--out", path]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        return path;
    }

    [Test]
    public void Chromium_renders_the_report_to_a_screenshot()
    {
        var page = WriteReport("go-panic.log", "slow-consumer.log");
        var png = Path.Combine(_dir, "report.png");
        var (code, _) = Browse($"--screenshot={png}", "--window-size=1280,1800", new Uri(page).AbsoluteUri);
        Assert.That(code, Is.EqualTo(0));
        Assert.That(File.Exists(png), Is.True);
        var bytes = File.ReadAllBytes(png);
        Assert.That(bytes[..8], Is.EqualTo(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }));
        var width = (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19];
        var height = (bytes[20] << 24) | (bytes[21] << 16) | (bytes[22] << 8) | bytes[23];
        Assert.That((width, height), Is.EqualTo((1280, 1800)));
        // A blank page compresses to a few hundred bytes; a rendered report does not.
        Assert.That(bytes.Length, Is.GreaterThan(20_000));
        TestContext.AddTestAttachment(png, "the report as Chromium rendered it");
    }

    [Test]
    public void The_DOM_Chromium_builds_holds_the_causes_and_the_evidence()
    {
        var page = WriteReport("auth-wrong-password.log");
        var (code, dom) = Browse("--dump-dom", new Uri(page).AbsoluteUri);
        Assert.That(code, Is.EqualTo(0));
        Assert.That(dom, Does.Contain("auth"));
        Assert.That(dom, Does.Contain("authentication error"));
        Assert.That(dom, Does.Contain("<svg"));
        Assert.That(dom, Does.Contain("samples-logs/auth-wrong-password.log").Or.Contain("auth-wrong-password.log"));
    }

    [Test]
    public void The_headline_names_the_top_cause_and_its_first_fix_and_no_evidence_overflows()
    {
        // A client name of 400 characters without a space: the hardest text to wrap.
        var longName = string.Concat(Enumerable.Repeat("7f3c9a1e-b2d4-4c8e-9f01-", 17));
        var log = Path.Combine(_dir, "slow-consumer-long-names.log");
        File.WriteAllText(log, File.ReadAllText(RepositoryPaths.Sample("slow-consumer.log")).Replace("report-builder", longName));
        var page = Path.Combine(_dir, "report.html");
        var run = CliRun.Of("analyze", log, "--format", "html", "--out", page);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(File.ReadAllText(page), Does.Contain(longName), "the long line is in the evidence");

        // The report itself has no scripts; a copy gets one that measures every block in the page
        // as Chromium laid it out and writes what overflows into the DOM that --dump-dom prints.
        const string probe = """
            <script>
            window.addEventListener('load', () => {
              const blocks = [...document.querySelectorAll('.ev pre, .ev-meta, dd, li, td, p')];
              const over = blocks.filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.className || e.tagName);
              const page = document.documentElement.scrollWidth > document.documentElement.clientWidth + 1;
              document.body.setAttribute('data-measured', blocks.length + ' blocks; overflowing: [' + over.join(',') + ']; page scrolls sideways: ' + page);
            });
            </script>
            """;
        var measured = Path.Combine(_dir, "measured.html");
        File.WriteAllText(measured, File.ReadAllText(page).Replace("</body>", probe + "</body>"));
        var (code, dom) = Browse("--window-size=800,1000", "--virtual-time-budget=5000", "--dump-dom", new Uri(measured).AbsoluteUri);
        Assert.That(code, Is.EqualTo(0));

        var headline = System.Text.RegularExpressions.Regex.Match(dom, "<h1>(.*?)</h1>").Groups[1].Value;
        Assert.That(headline, Does.Contain("Server overload or exhausted limits"));
        Assert.That(dom, Does.Match(@"</h1>\s*<p class=""first-step"">First thing to do: \S"));
        var result = System.Text.RegularExpressions.Regex.Match(dom, @"data-measured=""([^""]*)""").Groups[1].Value;
        Assert.That(result, Does.Match(@"^\d\d+ blocks; overflowing: \[\]; page scrolls sideways: false$"));
    }
}
