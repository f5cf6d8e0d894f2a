using LogTriage.Rules;
using LogTriage.Signals;

namespace LogTriage.Engine;

/// <summary>
/// Turns the engine's conclusions into ranked causes, weighing evidence rather than counting rules:
/// how specific the strongest signal is, how many lines back it (with diminishing returns), how many
/// connections it touches, whether it came first, and how much of it another cause explains. The
/// constants come from the rule files' <c>scoring:</c> section.
/// </summary>
internal sealed class CauseRanker(int maxEvidencePerCause = 8)
{
    public IReadOnlyList<RankedCause> Rank(RuleSet rules, EngineConclusions conclusions)
    {
        var scoring = rules.Scoring;
        var explained = conclusions.Explanations
            .GroupBy(e => e.Symptom.Cause)
            .ToDictionary(g => g.Key, g => g.ToList());
        var explains = conclusions.Explanations
            .GroupBy(e => e.Root.Cause)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Symptom.Cause).Distinct().Order(StringComparer.Ordinal).ToList());
        var earliest = conclusions.Findings.Count == 0 ? DateTimeOffset.MinValue : conclusions.Findings.Min(f => f.First);

        var causes = conclusions.Findings
            .GroupBy(f => f.Cause)
            .Select(g => Summarise(scoring, rules.Causes[g.Key], g.ToList(), explained.GetValueOrDefault(g.Key) ?? [],
                explains.GetValueOrDefault(g.Key) ?? [], earliest))
            .ToList();
        return Order(causes);
    }

    private RankedCause Summarise(ScoringDefinition scoring, CauseDefinition cause, List<Finding> findings,
        List<Explanation> explainedBy, List<string> explains, DateTimeOffset earliest)
    {
        var byRule = findings.GroupBy(f => f.RuleId).Select(g => (Rule: g.First().Rule, Findings: g.ToList())).ToList();
        var lines = findings.Where(f => f.AddsToCount).Sum(f => f.Lines);
        var groups = findings.SelectMany(f => f.Groups).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var touched = findings.SelectMany(f => f.Connections).Distinct().ToList();
        var connections = groups.Concat(touched.Take(200).Select(ConnectionDescription.Of).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)).ToList();

        // The most specific signal sets the base; other rules corroborate it a little, volume and
        // breadth add with diminishing returns.
        var strongest = byRule.Max(r => r.Rule.Confidence);
        var corroboration = 1 - byRule.Select(r => r.Rule.Confidence).Order().SkipLast(1).Aggregate(1.0, (p, c) => p * (1 - c / 3));
        var confidence = strongest + (1 - strongest) * corroboration;
        confidence += scoring.VolumeDamping * Math.Log10(Math.Max(lines, 1)) / 2;
        confidence += scoring.BreadthWeight * Math.Log10(1 + touched.Count + groups.Count) / 2;
        if (findings.Min(f => f.First) == earliest)
            confidence += scoring.FirstBonus;
        if (lines <= 1 && byRule.Count == 1)
            confidence = Math.Min(confidence, scoring.MaxSingleSignalConfidence);

        // The share of this cause's lines that a root of another cause accounts for.
        var explainedLines = explainedBy.Select(e => e.Symptom).Distinct().Where(f => f.AddsToCount).Sum(f => f.Lines);
        var explainedShare = lines == 0 ? (explainedBy.Count > 0 ? 1 : 0) : Math.Min(1.0, (double)explainedLines / lines);
        confidence *= 1 - scoring.ExplainedPenalty * explainedShare;
        confidence = Math.Clamp(confidence, 0, 0.99);

        // What normal lifecycle fully accounts for (clients dropped by a graceful restart) is context too.
        var severity = findings.Max(f => f.Rule.Severity);
        if (explainedShare >= scoring.ContextShare && explainedBy.All(e => e.Root.Rule.Severity == Severity.Info))
            severity = Severity.Info;
        var evidence = byRule
            .OrderByDescending(r => r.Rule.Severity)
            .ThenByDescending(r => r.Rule.Confidence)
            .ThenBy(r => r.Findings.Min(f => f.First))
            .SelectMany(r => r.Findings.OrderBy(f => f.First).SelectMany(f => f.Evidence).Select(e => new EvidenceLine(e, r.Rule.Id, r.Rule.Title)))
            .DistinctBy(e => (e.Event.Input, e.Event.Line))
            .Take(maxEvidencePerCause)
            .ToList();

        return new RankedCause(
            cause,
            severity,
            Math.Round(confidence, 3),
            findings.Where(f => f.AddsToCount).Sum(f => f.Count),
            findings.Where(f => f.Timed).Select(f => (DateTimeOffset?)f.First).Min(),
            findings.Where(f => f.Timed).Select(f => (DateTimeOffset?)f.Last).Max(),
            byRule.OrderByDescending(r => r.Rule.Severity).ThenByDescending(r => r.Rule.Confidence).Select(r => r.Rule.Id).ToList(),
            evidence,
            connections.Take(50).ToList(),
            explainedShare >= 0.5 ? explainedBy.Select(e => e.Root.Cause).Distinct().Order(StringComparer.Ordinal).ToList() : [],
            explains)
        {
            Score = scoring.SeverityWeights.GetValueOrDefault(severity, 0.2) * confidence,
            Lines = lines,
            Inputs = [.. findings.SelectMany(f => f.Inputs).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
        };
    }

    private static IReadOnlyList<RankedCause> Order(List<RankedCause> causes)
    {
        var scored = causes
            .OrderByDescending(c => c.Score)
            .ThenByDescending(c => c.Count)
            .ThenBy(c => c.Cause, StringComparer.Ordinal)
            .ToList();

        // A symptom never ranks above what explains it.
        var result = new List<RankedCause>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        while (scored.Count > 0)
        {
            var next = scored.FirstOrDefault(c => c.ExplainedBy.All(root => placed.Contains(root) || scored.All(s => s.Cause != root)))
                       ?? scored[0];
            result.Add(next);
            placed.Add(next.Cause);
            scored.Remove(next);
        }
        return result;
    }
}
