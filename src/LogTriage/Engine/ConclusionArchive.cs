using LogTriage.Parsing;
using LogTriage.Signals;

namespace LogTriage.Engine;

/// <summary>
/// The conclusions whose facts the session has retracted because the stream left them behind.
/// Findings are merged per rule and key, explanations per pair of rules, so the archive grows with
/// the number of distinct things found, not with hours of input.
/// </summary>
internal sealed class ConclusionArchive
{
    private readonly Dictionary<(string Rule, FactKey Key), Finding> _findings = new();
    private readonly Dictionary<(string Root, string Symptom), Explanation> _explanations = new();
    private readonly Dictionary<(string Rule, string Exception), Suppression> _suppressions = new();

    public void KeepGone(
        List<Finding> findingsBefore, IEnumerable<Finding> findingsAfter,
        List<Explanation> explanationsBefore, IEnumerable<Explanation> explanationsAfter,
        List<Suppression> suppressionsBefore, IEnumerable<Suppression> suppressionsAfter)
    {
        // Merged in the order of the log, not of the session's memory, which differs between an
        // interpreted and a compiled session: the samples a merge keeps must not depend on it.
        var stillFindings = findingsAfter.ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var f in findingsBefore.Where(f => !stillFindings.Contains(f)).Order(FindingOrder))
            _findings[(f.RuleId, f.Key)] = _findings.TryGetValue((f.RuleId, f.Key), out var kept) ? Merge(kept, f) : f;

        var stillExplanations = explanationsAfter.ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var e in explanationsBefore.Where(e => !stillExplanations.Contains(e)).OrderBy(e => e.Root, FindingOrder).ThenBy(e => e.Symptom, FindingOrder))
            _explanations[(e.Root.RuleId, e.Symptom.RuleId)] = _explanations.TryGetValue((e.Root.RuleId, e.Symptom.RuleId), out var kept)
                ? new Explanation(Merge(kept.Root, e.Root), Merge(kept.Symptom, e.Symptom))
                : e;

        var stillSuppressions = suppressionsAfter.ToHashSet(ReferenceEqualityComparer.Instance);
        var goneSuppressions = suppressionsBefore.Where(s => !stillSuppressions.Contains(s))
            .OrderBy(s => s.Fact.First).ThenBy(s => s.Fact.Position.Input, StringComparer.Ordinal).ThenBy(s => s.Fact.Position.Line).ThenBy(s => s.RuleId, StringComparer.Ordinal);
        foreach (var s in goneSuppressions)
            _suppressions[(s.RuleId, s.Exception)] = _suppressions.TryGetValue((s.RuleId, s.Exception), out var kept)
                ? kept with { Fact = kept.Fact with { Count = kept.Fact.Count + s.Fact.Count } }
                : s;
    }

    private static readonly Comparer<Finding> FindingOrder = Comparer<Finding>.Create((a, b) =>
    {
        var c = a.First.CompareTo(b.First);
        if (c == 0 && a.Evidence.Count > 0 && b.Evidence.Count > 0)
            c = string.CompareOrdinal(a.Evidence[0].Input, b.Evidence[0].Input) is var i && i != 0 ? i : a.Evidence[0].Line.CompareTo(b.Evidence[0].Line);
        if (c == 0)
            c = string.CompareOrdinal(a.RuleId, b.RuleId);
        if (c == 0)
            c = string.CompareOrdinal(a.Key.ToString(), b.Key.ToString());
        // The two sets of windows of a threshold often start at the same fact: a total order, so
        // that neither a merge nor the report depends on the session's memory.
        if (c == 0)
            c = a.Last.CompareTo(b.Last);
        if (c == 0)
            c = a.Count.CompareTo(b.Count);
        if (c == 0)
            c = a.Lines.CompareTo(b.Lines);
        for (var i = 0; c == 0 && i < Math.Max(a.Evidence.Count, b.Evidence.Count); i++)
            c = i >= a.Evidence.Count ? -1 : i >= b.Evidence.Count ? 1
                : string.CompareOrdinal(a.Evidence[i].Input, b.Evidence[i].Input) is var input && input != 0 ? input : a.Evidence[i].Line.CompareTo(b.Evidence[i].Line);
        return c;
    });

    public EngineConclusions ToConclusions(List<Finding> findings, List<Explanation> explanations, List<Suppression> suppressions) =>
        new([.. _findings.Values.Concat(findings).Order(FindingOrder)], [.. _explanations.Values, .. explanations], [.. _suppressions.Values, .. suppressions]);

    private static Finding Merge(Finding a, Finding b) =>
        a with
        {
            Count = a.Count + b.Count,
            Lines = a.Lines + b.Lines,
            First = a.First < b.First ? a.First : b.First,
            Last = a.Last > b.Last ? a.Last : b.Last,
            Evidence = [.. a.Evidence.Take(3), .. b.Evidence.TakeLast(2)],
            Connections = [.. a.Connections.Union(b.Connections).Take(8)],
            Groups = [.. a.Groups.Union(b.Groups, StringComparer.Ordinal).Take(8)],
            Inputs = [.. a.Inputs.Union(b.Inputs, StringComparer.Ordinal).Take(Finding.KeepInputs)],
        };
}
