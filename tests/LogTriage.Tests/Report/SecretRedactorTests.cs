using LogTriage.Report.Redaction;

namespace LogTriage.Tests.Report;

/// <summary>The redactor on the raw lines of Fixtures/secrets.log, a server log seeded with every kind of secret.</summary>
public class SecretRedactorTests
{
    private static string[] Lines() => File.ReadAllLines(ReportFixtures.Fixture("secrets.log"));

    private static string Line(string containing) => Lines().Single(l => l.Contains(containing, StringComparison.Ordinal));

    /// <summary>The whole fixture as one text, as a multi-line event would hold it.</summary>
    private static string All() => File.ReadAllText(ReportFixtures.Fixture("secrets.log"));

    [Test]
    public void Removes_every_secret_of_the_fixture()
    {
        var redacted = SecretRedactor.Instance.Redact(All());

        foreach (var secret in Secrets.All)
            Assert.That(redacted, Does.Not.Contain(secret), secret);
        foreach (var line in Lines())
        {
            var one = SecretRedactor.Instance.Redact(line);
            foreach (var secret in Secrets.All)
                Assert.That(one, Does.Not.Contain(secret), line);
        }
    }

    [Test]
    public void Removes_passwords_tokens_and_signatures_from_CONNECT_traces()
    {
        Assert.That(SecretRedactor.Instance.Redact(Line("\"pass\":\"hunter2\"")),
            Does.Contain("\"user\":\"bob\",\"pass\":\"[REDACTED]\",\"tls_required\":false"));
        Assert.That(SecretRedactor.Instance.Redact(Line("\"auth_token\":")),
            Does.Contain("\"auth_token\":\"[REDACTED]\",\"tls_required\":false"));
        var jwt = SecretRedactor.Instance.Redact(Line("\"sig\":"));
        Assert.That(jwt, Does.Contain("\"jwt\":\"[REDACTED]\",\"sig\":\"[REDACTED]\",\"tls_required\":false"));
    }

    [Test]
    public void Removes_the_password_from_a_quoted_protocol_snippet()
    {
        Assert.That(SecretRedactor.Instance.Redact(Line("parser ERROR")),
            Does.EndWith("""proto='"{\"user\":\"bob\",\"pass\":\"[REDACTED]\",\""...'"""));
    }

    [TestCase("authentication error (password=hunter2)", "authentication error (password=[REDACTED])")]
    [TestCase("connect failed (password=s3cr(e)t).", "connect failed (password=[REDACTED]).")]
    [TestCase("options {token: abc123} rejected", "options {token: [REDACTED]} rejected")]
    [TestCase("<auth_token=xyz>", "<auth_token=[REDACTED]>")]
    public void Keeps_the_punctuation_around_a_secret(string text, string expected) =>
        Assert.That(SecretRedactor.Instance.Redact(text), Is.EqualTo(expected));

    [Test]
    public void Keeps_the_user_of_a_URL_and_removes_its_password()
    {
        Assert.That(SecretRedactor.Instance.Redact(Line("nats-leaf://")),
            Does.Contain("\"nats-leaf://bob:[REDACTED]@10.1.2.3:7422\" (attempt 1): dial tcp 10.1.2.3:7422"));
    }

    [Test]
    public void Removes_tokens_seeds_bearer_tokens_and_JWTs_but_keeps_public_keys()
    {
        Assert.That(SecretRedactor.Instance.Redact(Line("authentication error - Token")), Does.EndWith("authentication error - Token \"[REDACTED]\""));
        Assert.That(SecretRedactor.Instance.Redact(Line("authentication error - Nkey")), Does.EndWith("authentication error - Nkey \"[REDACTED NKEY SEED]\""));
        Assert.That(SecretRedactor.Instance.Redact(Line("User JWT not valid")), Does.EndWith("User JWT not valid: jwt \"[REDACTED JWT]\": claim failed validation"));
        var fetch = SecretRedactor.Instance.Redact(Line("Account fetch failed"));
        Assert.That(fetch, Does.EndWith("(sent Authorization: Bearer [REDACTED])"));
        Assert.That(fetch, Does.Contain("accounts/ADZ2WMHOZRHXIJAXZOHXJ6TP5SQLUWWFACFOMQQOIJYD5W7YNVB2NCZ7\""), "an account's public key identifies, it is no secret");
        Assert.That(SecretRedactor.Instance.Redact(Line("authentication error - User")), Is.EqualTo(Line("authentication error - User")));
    }

    [Test]
    public void Removes_credentials_blocks_whole()
    {
        var redacted = SecretRedactor.Instance.Redact(All());

        Assert.That(redacted, Does.Contain("[REDACTED NATS USER JWT]"));
        Assert.That(redacted, Does.Contain("[REDACTED USER NKEY SEED]"));
        Assert.That(redacted, Does.Not.Contain("BEGIN NATS USER JWT"));
        Assert.That(redacted, Does.Contain("NKEYs are sensitive and should be treated as secrets."), "text between the blocks stays");
        Assert.That(redacted, Does.Contain("goroutine 1 [running]:"));
    }

    [Test]
    public void A_block_cut_before_its_end_is_removed_to_the_end()
    {
        var text = All();
        var cut = text[..text.IndexOf("------END NATS USER JWT", StringComparison.Ordinal)];

        var redacted = SecretRedactor.Instance.Redact(cut);

        Assert.That(redacted, Does.EndWith("[REDACTED NATS USER JWT]"));
        Assert.That(redacted, Does.Not.Contain(Secrets.Jwt[..20]));
    }

    /// <summary>The shipped sample logs hold no secret: the redactor must leave every line of them as it is.</summary>
    [Test]
    public void Leaves_lines_without_secrets_alone()
    {
        var changed = ReportFixtures.SampleLogs()
            .SelectMany(File.ReadLines)
            .Where(line => SecretRedactor.Instance.Redact(line) != line)
            .ToList();

        Assert.That(changed, Is.Empty);
    }

    /// <summary>Texts that would make a careless pattern backtrack quadratically: a line at the reader's 64 KiB limit each.</summary>
    [TestCase("-")]
    [TestCase("a")]
    [TestCase("a:")]
    [TestCase("1.")]
    [TestCase("eyJ")]
    [TestCase("eyJa.")]
    [TestCase("Token \"")]
    [TestCase("nats://a:")]
    [TestCase("\\\"pass\\\":\\\"")]
    [TestCase("SU")]
    [TestCase("0:")]
    [TestCase("::")]
    [TestCase("a://")]
    [TestCase("nats://a@")]
    [TestCase("\"pass\":\"\\")]
    [TestCase("-----BEGIN X-----")]
    public void Takes_linear_time_on_hostile_text(string unit)
    {
        var text = string.Concat(Enumerable.Repeat(unit, LogTriage.Input.LineReader.MaxLineLength / unit.Length));
        var masker = new AddressMasker();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        SecretRedactor.Instance.Redact(text);
        masker.Mask(text);

        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)), unit);
    }

    [Test]
    public void Masks_each_address_the_same_way_everywhere_and_keeps_ports()
    {
        var masker = new AddressMasker();
        var masked = Lines().Select(masker.Mask).ToList();

        var text = string.Join('\n', masked);
        Assert.That(text, Does.Not.Contain("10.1.2.").And.Not.Contain("2001:db8"));
        var first = masked.Single(l => l.Contains("cid:4 - Client connection created"));
        Assert.That(first, Does.Contain("[DBG] ip-1:35086 - cid:4"));
        Assert.That(masked.Single(l => l.Contains("cid:8 - Client connection created")), Does.Contain("[DBG] ip-1:35102 - cid:8"), "same address, same mask");
        Assert.That(masked.Single(l => l.Contains("nats-leaf://")), Does.Contain("@ip-1:7422\" (attempt 1): dial tcp ip-1:7422:"));
        Assert.That(masked.Single(l => l.Contains("cid:5 - Client connection created")), Does.Contain("ip-2:35090"));
        Assert.That(masked.Single(l => l.Contains("route (attempt 2)")), Does.Contain("dial tcp [ip-5]:6222:"), "IPv6 in brackets, port kept");
        Assert.That(masked.Single(l => l.Contains("Listening for client connections")), Does.EndWith("on 0.0.0.0:4222"), "the unspecified address reveals nothing");
        Assert.That(masker.Count, Is.EqualTo(5));
        Assert.That(text, Does.Contain("2026/11/25 04:45:29.587221").And.Contain("Version:  2.10.22"), "times and versions are no addresses");
    }

    [Test]
    public void Each_report_numbers_addresses_from_one()
    {
        var line = Line("cid:5 - Client connection created");
        var first = new ReportRedactor(new RedactionOptions(MaskAddresses: true));
        first.Redact(Line("cid:4 - Client connection created"));

        Assert.That(first.Redact(line), Does.Contain("ip-2:35090"));
        Assert.That(new ReportRedactor(new RedactionOptions(MaskAddresses: true)).Redact(line), Does.Contain("ip-1:35090"));
        Assert.That(new ReportRedactor(RedactionOptions.Default).Redact(line), Is.EqualTo(line), "addresses are kept unless asked");
        Assert.That(new ReportRedactor(RedactionOptions.None).Redact(Line("Token \"")), Is.EqualTo(Line("Token \"")));
    }
}
