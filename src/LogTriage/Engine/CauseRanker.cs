using LogTriage.Rules;

namespace LogTriage.Engine;

/// <summary>
/// Groups findings by cause and orders the causes: a cause explained by another comes after it
/// and loses confidence; otherwise the more severe and more certain cause comes first.
/// </summary>
public sealed class CauseRanker(int maxEvidencePerCause = 8)
{
    /// <summary>How much an explained cause's confidence is scaled down: it is probably a symptom.</summary>
    private const double ExplainedPenalty = 0.5;

    public IReadOnlyList<RankedCause> Rank(RuleSet rules, EngineConclusions conclusions)
    {
        var explainedBy = conclusions.Explanations
            .GroupBy(e => e.Symptom.Cause)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Root.Cause).Distinct().Order(StringComparer.Ordinal).ToList());
        var explains = conclusions.Explanations
            .GroupBy(e => e.Root.Cause)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Symptom.Cause).Distinct().Order(StringComparer.Ordinal).ToList());

        var causes = conclusions.Findings
            .GroupBy(f => f.Cause)
            .Select(g => Summarise(rules.Causes[g.Key], g.ToList(),
                explainedBy.GetValueOrDefault(g.Key) ?? [], explains.GetValueOrDefault(g.Key) ?? []))
            .ToList();

        return Order(causes);
    }

    private RankedCause Summarise(CauseDefinition cause, List<Finding> findings, List<string> explainedBy, List<string> explains)
    {
        // Each rule is one piece of evidence; independent pieces combine as a noisy-or.
        var byRule = findings.GroupBy(f => f.RuleId).Select(g => g.First()).ToList();
        var confidence = 1 - byRule.Aggregate(1.0, (p, f) => p * (1 - f.Rule.Confidence));
        if (explainedBy.Count > 0)
            confidence *= ExplainedPenalty;

        var ordered = byRule
            .OrderByDescending(f => f.Rule.Severity)
            .ThenByDescending(f => f.Rule.Confidence)
            .ThenByDescending(f => f.Count)
            .ToList();

        var evidence = ordered
            .SelectMany(f => findings.Where(x => x.RuleId == f.RuleId).SelectMany(x => x.Evidence)
                .Select(e => new EvidenceLine(e, f.RuleId, f.Rule.Title)))
            .DistinctBy(e => (e.Event.Input, e.Event.Line))
            .Take(maxEvidencePerCause)
            .OrderBy(e => e.Event.Time ?? DateTimeOffset.MinValue)
            .ThenBy(e => e.Event.Input, StringComparer.Ordinal)
            .ThenBy(e => e.Event.Line)
            .ToList();

        return new RankedCause(
            cause,
            findings.Max(f => f.Rule.Severity),
            Math.Round(confidence, 3),
            findings.Where(f => f.AddsToCount).Sum(f => f.Count),
            findings.Select(f => f.FirstSeen).Where(t => t is not null).Min(),
            findings.Select(f => f.LastSeen).Where(t => t is not null).Max(),
            ordered.Select(f => f.RuleId).ToList(),
            evidence,
            findings.SelectMany(f => f.Connections).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(50).ToList(),
            explainedBy,
            explains);
    }

    private static IReadOnlyList<RankedCause> Order(List<RankedCause> causes)
    {
        var scored = causes
            .OrderByDescending(Score)
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

    private static double Score(RankedCause c) => SeverityWeight(c.Severity) * c.Confidence;

    private static double SeverityWeight(Severity s) => s switch
    {
        Severity.Critical => 1.0,
        Severity.Error => 0.8,
        Severity.Warning => 0.55,
        _ => 0.2,
    };
}
