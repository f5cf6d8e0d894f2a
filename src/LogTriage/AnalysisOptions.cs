namespace LogTriage;

/// <summary>How to read the inputs of one analysis.</summary>
public sealed record AnalysisOptions
{
    /// <summary>A format name forcing every input to be read as that format; null detects per input.</summary>
    public string? InputFormat { get; init; }

    /// <summary>Events outside this window are skipped.</summary>
    public TimeWindow Window { get; init; } = TimeWindow.All;

    /// <summary>Called once the analysis has started, with its live state (for live updates and Ctrl-C).</summary>
    public Action<AnalysisRun>? Started { get; init; }

    /// <summary>How many templates of unrecognised warnings and errors the result lists.</summary>
    public int UnrecognisedGroups { get; init; } = 25;

    /// <summary>Told of every firing of a compiled rule, with the facts it matched; null for none.</summary>
    public Action<Engine.RuleFiring>? RuleFired { get; init; }

    /// <summary>How many lines before and after each evidence line the result carries (read again from seekable inputs); 0 for none.</summary>
    public int EvidenceContextLines { get; init; }

    /// <summary>
    /// From how many bytes of input (all of known length) reading and matching run on their own
    /// thread beside the engine's: below, starting the thread costs more than it saves.
    /// </summary>
    internal long OverlapFromBytes { get; init; } = 1 << 20;

    /// <summary>After how many facts the engine compiles its rules to IL (tests compare both ways).</summary>
    internal long CompileEngineAfterFacts { get; init; } = Engine.EngineSession.CompileAfterFacts;

    /// <summary>Whether keyed facts too rare to reach any threshold are held back (tests compare both ways).</summary>
    internal bool HoldBackLoneKeys { get; init; } = true;

    /// <summary>How many first lines of an input format detection looks at.</summary>
    public int DetectionLines { get; init; } = 50;
}
