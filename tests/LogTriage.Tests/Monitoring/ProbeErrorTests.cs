using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Monitoring;

/// <summary>What the probe says when the URL is not a readable NATS monitoring port: one line, exit 2, no password.</summary>
public class ProbeErrorTests
{
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void AssertOneLineError(CliRun run, string expected)
    {
        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
        Assert.That(run.Out, Is.Empty);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), run.Error);
        Assert.That(lines[0], Does.StartWith("logtriage: ").And.Contain(expected));
    }

    [Test]
    public void A_refused_port_is_one_line_and_the_password_is_masked()
    {
        var run = CliRun.Of("probe", $"http://admin:hunter2@127.0.0.1:{FreePort()}", "--format", "json");
        AssertOneLineError(run, "connection refused");
        Assert.That(run.Error, Does.Not.Contain("hunter2"));
        Assert.That(run.Error, Does.Contain("admin:***@127.0.0.1"));
    }

    [Test]
    public void An_unknown_host_is_one_line()
    {
        var run = CliRun.Of("probe", "http://no-such-host.invalid:8222", "--timeout", "3s");
        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
        Assert.That(run.Error.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(run.Error, Does.Contain("no-such-host.invalid"));
    }

    [Test]
    public void An_html_page_is_not_a_nats_monitoring_port_and_basic_auth_is_sent()
    {
        using var web = new FakeHttpServer(FakeHttpServer.Answer("200 OK", "text/html", "<html><body>Welcome to nginx!</body></html>"));
        var run = CliRun.Of("probe", $"http://ops:p%40ss@127.0.0.1:{web.Port}");
        AssertOneLineError(run, "not a NATS monitoring port");
        Assert.That(run.Error, Does.Not.Contain("p@ss").And.Not.Contain("p%40ss"));
        // "ops:p@ss" in base64
        Assert.That(web.Requests.First(), Does.Contain("Authorization: Basic b3BzOnBAc3M="));
        Assert.That(web.Requests.First(), Does.StartWith("GET /varz HTTP/1.1"));
    }

    [Test]
    public void A_404_is_not_a_nats_monitoring_port()
    {
        using var web = new FakeHttpServer(FakeHttpServer.Answer("404 Not Found", "text/plain", "404 page not found"));
        AssertOneLineError(CliRun.Of("probe", $"http://127.0.0.1:{web.Port}/nats"), "answered 404 Not Found");
        Assert.That(web.Requests.First(), Does.StartWith("GET /nats/varz HTTP/1.1"));
    }

    [Test]
    public void A_server_that_never_answers_times_out()
    {
        using var silent = new FakeHttpServer(null);
        var clock = Stopwatch.StartNew();
        var run = CliRun.Of("probe", $"127.0.0.1:{silent.Port}", "--timeout", "500ms");
        AssertOneLineError(run, "no answer within 500ms");
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public void A_url_that_is_not_http_is_a_usage_error()
    {
        AssertOneLineError(CliRun.Of("probe", "nats://u:secret@127.0.0.1:4222"), "is not an http(s) URL");
        Assert.That(CliRun.Of("probe", "nats://u:secret@127.0.0.1:4222").Error, Does.Not.Contain("secret"));
    }
}
