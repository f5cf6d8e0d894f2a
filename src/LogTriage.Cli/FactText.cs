using LogTriage.Engine;
using LogTriage.Signals;

namespace LogTriage.Cli;

/// <summary>One engine fact in a line, for <c>rules explain --log</c>.</summary>
public static class FactText
{
    public static string Describe(object fact) => fact switch
    {
        SignalFact f => $"signal fact {f.RuleId} [{f.Key}] x{f.Count} {f.First:O}..{f.Last:O} from {f.Position.Input}:{f.Position.Line}",
        IGrouping<WindowKey, SignalFact> g => $"window [{g.Key.Key}] #{g.Key.Window}: {g.Count()} fact(s), {g.Sum(f => f.Count)} signal(s)",
        Finding f => $"finding {f.RuleId} [{f.Key}] x{f.Count} {f.First:O}..{f.Last:O}",
        _ => fact.ToString() ?? "",
    };
}
