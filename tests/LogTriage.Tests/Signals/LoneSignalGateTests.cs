using System.Globalization;
using System.Text;
using LogTriage.Input;
using LogTriage.Parsing;
using LogTriage.Report;
using LogTriage.Rules;
using LogTriage.Signals;
using LogTriage.Tests.Report;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Signals;

/// <summary>
/// Keyed facts that only thresholds read are held back until their key could reach a count: a
/// signal-dense log where nearly every authentication error comes from a new address must not make
/// a keyed fact per address, yet every threshold fires as it did, the unless that looks the rule up
/// still sees every signal, and the report counts every line.
/// </summary>
public class LoneSignalGateTests
{
    private static string Rules(int count) => $$"""
        causes:
          - { id: auth, title: Auth, summary: s, diagnosis: d, fix: [f] }
          - { id: overload, title: Overload, summary: s, diagnosis: d, fix: [f] }
        rules:
          - id: auth.error
            cause: auth
            severity: warning
            source: server
            when: { level: [ERR], message: { contains: authentication error } }
          - id: auth.repeated
            cause: auth
            severity: error
            threshold: { rule: auth.error, count: {{count}}, within: 60s, per: address }
          - id: overload.slow
            cause: overload
            severity: warning
            source: server
            when: { message: { contains: Slow Consumer Detected } }
            unless: { rules: [auth.error], before: 2s, same: input }
        """;

    private static RuleSet Load(string rules) => new RuleSetLoader().LoadFiles([("gate.yaml", () => new StringReader(rules))]);

    private static readonly DateTime Start = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);

    private static string Line(double seconds, string address, int cid, string message) =>
        $"[7] {Start.AddSeconds(seconds).ToString("yyyy/MM/dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)} [ERR] {address}:{40000 + cid % 20000} - cid:{cid} - {message}\n";

    /// <summary>Authentication errors every quarter second, each from an address of its own (numbered from <paramref name="host"/>).</summary>
    private static string LoneFailures(int count, double from = 0, int host = 0)
    {
        var text = new StringBuilder();
        for (var n = host; n < host + count; n++)
            text.Append(Line(from + (n - host) * 0.25, $"10.2.{n / 250 % 250}.{n % 250 + 1}", n + 1, "authentication error"));
        return text.ToString();
    }

    /// <summary>The same, with one host's failures at the given seconds among them, in time order.</summary>
    private static string WithHost(string lone, params double[] seconds)
    {
        var lines = lone.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l + "\n").ToList();
        foreach (var s in seconds)
            lines.Add(Line(s, "10.0.0.5", 90000 + (int)s, "authentication error"));
        return string.Concat(lines.OrderBy(l => l[4..30], StringComparer.Ordinal));
    }

    /// <summary>The facts the coalescer hands over for a log, in order, the way an analysis feeds it.</summary>
    private static List<SignalFact> Coalesce(RuleSet rules, string log, SignalCoalescer? into = null, bool flush = true)
    {
        var matcher = new SignalMatcher(rules);
        var coalescer = into ?? new SignalCoalescer(new CoalescingPlan(rules));
        var closed = new List<SignalFact>();
        var signals = new List<Signal>();
        var lines = log.Split('\n').Select((t, i) => new InputLine(i + 1, t));
        foreach (var e in new NatsServerLineParser("server.log").Parse(lines))
        {
            signals.Clear();
            matcher.Match(e, signals);
            if (signals.Count > 0)
                coalescer.Add(e, signals, closed);
        }
        if (flush)
            coalescer.Flush(closed);
        return closed;
    }

    private static AnalysisResult Analyze(RuleSet rules, string log, bool holdBack = true) => Analyze(rules, [("server.log", log)], holdBack);

    private static AnalysisResult Analyze(RuleSet rules, (string Name, string Text)[] logs, bool holdBack = true) =>
        new LogAnalyzer(rules).Analyze(logs.Select(l => InputSource.FromText(l.Name, l.Text)), new AnalysisOptions { HoldBackLoneKeys = holdBack });

    private static IEnumerable<string> Fired(AnalysisResult result) => result.Causes.Concat(result.Context).SelectMany(c => c.Rules);

    [Test]
    public void Lone_addresses_make_no_keyed_facts_and_every_signal_is_still_counted()
    {
        var rules = Load(Rules(3));
        var facts = Coalesce(rules, LoneFailures(400));

        Assert.That(facts.Where(f => f.Serves(FactStreams.Keyed)), Is.Empty, "no address failed twice");
        var plain = facts.Where(f => f.Serves(FactStreams.Plain)).ToList();
        var lookedUp = facts.Where(f => f.Serves(FactStreams.Lookup)).ToList();
        Assert.That(plain.Sum(f => f.Count), Is.EqualTo(400));
        Assert.That(lookedUp.Sum(f => f.Count), Is.EqualTo(400), "what an unless looks up keeps every signal");
        Assert.That(lookedUp.Select(f => f.Key.ToString()).Distinct(), Is.EqualTo(new[] { "input server.log" }), "split by the input alone");
        Assert.That(lookedUp, Has.Count.EqualTo(plain.Count), "one per bucket, not one per address");

        var result = Analyze(rules, LoneFailures(400));
        Assert.That(result.Causes.Single(c => c.Cause == "auth").Count, Is.EqualTo(400));
        Assert.That(Fired(result), Does.Not.Contain("auth.repeated"));
        Assert.That(result.Engine!.FactsInserted, Is.LessThan(Analyze(rules, LoneFailures(400), holdBack: false).Engine!.FactsInserted));
    }

    [TestCase(3, true)]
    [TestCase(4, false)]
    public void A_threshold_per_address_fires_at_exactly_its_count_among_lone_addresses(int count, bool fires)
    {
        // One host fails three times, in three buckets of one window, among 400 other hosts.
        var log = WithHost(LoneFailures(400), 12.1, 31.3, 55.7);
        var rules = Load(Rules(count));

        var keyed = Coalesce(rules, log).Where(f => f.Serves(FactStreams.Keyed)).ToList();
        Assert.That(keyed.Select(f => f.Key["address"]).Distinct(), fires ? Is.EqualTo(new[] { "10.0.0.5" }) : Is.Empty);
        Assert.That(keyed.Sum(f => f.Count), Is.EqualTo(fires ? 3 : 0));

        var result = Analyze(rules, log);
        var auth = result.Causes.Single(c => c.Cause == "auth");
        Assert.That(auth.Count, Is.EqualTo(403));
        Assert.That(auth.Rules, fires ? Does.Contain("auth.repeated") : Does.Not.Contain("auth.repeated"));
        Assert.That(auth.Connections, fires ? Does.Contain("address 10.0.0.5") : Does.Not.Contain("address 10.0.0.5"));
    }

    [Test]
    public void The_held_facts_of_a_key_go_with_the_fact_that_brings_it_to_a_count()
    {
        var rules = Load(Rules(3));
        var coalescer = new SignalCoalescer(new CoalescingPlan(rules));
        // Two failures of the host, long handed over and held (with the lone hosts'); then the third.
        var before = Coalesce(rules, WithHost(LoneFailures(160), 2.1, 21.3), coalescer, flush: false);
        Assert.That(before.Where(f => f.Serves(FactStreams.Keyed)), Is.Empty);
        Assert.That(coalescer.HeldBack, Is.GreaterThan(100));

        var after = Coalesce(rules, WithHost(LoneFailures(40, from: 40, host: 1000), 45.2), coalescer);
        var keyed = after.Where(f => f.Serves(FactStreams.Keyed)).ToList();
        Assert.That(keyed.Select(f => f.First.Second), Is.EqualTo(new[] { 2, 21, 45 }), "the held ones first, in one hand-over with the third");
        var third = after.IndexOf(keyed[2]);
        Assert.That(after.IndexOf(keyed[0]), Is.EqualTo(third - 2));
        Assert.That(coalescer.HeldBack, Is.EqualTo(160 + 40), "the lone hosts' are still held, and only they");
    }

    [Test]
    public void A_held_fact_is_forgotten_with_the_facts_of_its_time_and_memory_stays_flat()
    {
        var rules = Load(Rules(3));
        var coalescer = new SignalCoalescer(new CoalescingPlan(rules));
        var retention = TimeSpan.FromSeconds(72);
        var most = 0;
        // Half an hour of lone failures, forgetting every 15 s of log as the session does.
        for (var chunk = 0; chunk < 30 * 4; chunk++)
        {
            Coalesce(rules, LoneFailures(60, from: chunk * 15, host: chunk * 60), coalescer, flush: false);
            coalescer.Forget(coalescer.Now, _ => retention);
            most = Math.Max(most, coalescer.HeldBack);
        }
        Assert.That(most, Is.InRange(60, (72 + 15 + 11) * 4), "about the retention's worth of lone failures");
        // Tallies reach a window further back than what is held.
        Assert.That(coalescer.TalliedKeys, Is.LessThanOrEqualTo((72 + 60 + 10 + 15 + 5) * 4));

        // Past the retention of the last one, nothing is held.
        var later = Coalesce(rules, Line(30 * 60 + 100, "10.9.9.9", 1, "Slow Consumer Detected: WriteDeadline of 10s exceeded"), coalescer, flush: false);
        coalescer.Forget(coalescer.Now, _ => retention);
        Assert.That(coalescer.HeldBack, Is.Zero);
        Assert.That(later.Where(f => f.Serves(FactStreams.Keyed)), Is.Empty, "a forgotten fact never comes back");
    }

    private static IEnumerable<TestCaseData> Seeds() =>
        Enumerable.Range(1, 16).Select(seed => new TestCaseData(seed, seed % 2 == 0 ? 20.0 : 80.0, seed % 4 < 2 ? 1 : 2)
            .SetName($"Holding back lone keys changes no report (log {seed}, gaps up to {(seed % 2 == 0 ? 20 : 80)} s, {(seed % 4 < 2 ? "one server" : "two servers")})"));

    /// <summary>
    /// Random logs where a few hosts fail now and then among many that fail once, at gaps around the
    /// windows' edges, with other signals between, in one server's log or spread over two (a host
    /// counted across both): the report is the same, byte for byte, with or without holding back,
    /// under the shipped rules and under rule sets with a lookup of the rule.
    /// </summary>
    [TestCaseSource(nameof(Seeds))]
    public void Holding_back_changes_no_report(int seed, double gap, int servers)
    {
        var random = new Random(seed);
        var texts = Enumerable.Range(0, servers).Select(_ => new StringBuilder()).ToArray();
        var time = 0.0;
        for (var i = 0; i < 2500; i++)
        {
            time += random.Next(4) == 0 ? random.NextDouble() * gap : random.NextDouble() * 0.5;
            var address = random.Next(3) == 0 ? $"10.0.0.{random.Next(1, 6)}" : $"10.3.{random.Next(250)}.{random.Next(1, 250)}";
            var message = random.Next(10) switch
            {
                0 => "Slow Consumer Detected: WriteDeadline of 10s exceeded with 3 chunks of 262144 total bytes.",
                1 => "Error flushing: write tcp 10.0.0.1:4222->" + address + ":53110: write: broken pipe",
                _ => "authentication error",
            };
            texts[random.Next(servers)].Append(Line(time, address, i + 1, message));
        }
        var logs = texts.Select((t, n) => ($"server{n + 1}.log", t.ToString())).ToArray();
        foreach (var rules in new[] { ShippedRules.Rules, Load(Rules(2)), Load(Rules(3)) })
        {
            var held = Analyze(rules, logs);
            var all = Analyze(rules, logs, holdBack: false);
            Assert.That(Render(held), Is.EqualTo(Render(all)));
            Assert.That(held.Engine!.FactsInserted, Is.LessThanOrEqualTo(all.Engine!.FactsInserted));
        }
    }

    private static string Render(AnalysisResult result)
    {
        var report = new ReportBuilder("test").Build(result, ReportFixtures.ScanTime) with { Engine = null };
        return ReportFixtures.Render(new JsonReportRenderer(), report);
    }
}
