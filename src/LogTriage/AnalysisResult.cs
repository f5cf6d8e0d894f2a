using LogTriage.Engine;
using LogTriage.Input;

namespace LogTriage;

/// <summary>What an analysis found: ranked causes, context-only findings, and what was read.</summary>
public sealed record AnalysisResult(
    IReadOnlyList<InputStatistics> Inputs,
    IReadOnlyList<RankedCause> Causes,
    IReadOnlyList<RankedCause> Context,
    long Events,
    long Signals);
