using LogTriage.Engine;
using LogTriage.Input;
using LogTriage.Signals;

namespace LogTriage;

/// <summary>What an analysis found: ranked causes, context-only findings, what no rule knew, and what was read.</summary>
public sealed record AnalysisResult(
    IReadOnlyList<InputStatistics> Inputs,
    IReadOnlyList<RankedCause> Causes,
    IReadOnlyList<RankedCause> Context,
    long Events,
    long Signals,
    IReadOnlyList<UnrecognisedGroup> Unrecognised)
{
    /// <summary>Signals that rules' exceptions held back, per rule and exception.</summary>
    public IReadOnlyList<SuppressedSignals> Suppressed { get; init; } = [];

    /// <summary>When the --since/--until window held no event at all: the events it left out and their span.</summary>
    public TimeSpanSeen? OutsideWindow { get; init; }

    /// <summary>What the engine session was given and did.</summary>
    public EngineStatistics? Engine { get; init; }

    /// <summary>Lines around evidence lines, by input and line, where the inputs could be read again.</summary>
    public IReadOnlyDictionary<(string Input, long Line), LineContext> EvidenceContext { get; init; } =
        new Dictionary<(string Input, long Line), LineContext>();
}
