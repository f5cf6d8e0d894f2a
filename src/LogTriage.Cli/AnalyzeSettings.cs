namespace LogTriage.Cli;

/// <summary>What the user asked of one analysis, read from the command line.</summary>
public sealed record AnalyzeSettings
{
    public required string Format { get; init; }
    public string? FailOn { get; init; }
    public string? InputFormat { get; init; }
    public TimeWindow Window { get; init; } = TimeWindow.All;
    public string? OutPath { get; init; }
    public bool Force { get; init; }

    /// <summary>Print each cause as soon as it is confirmed, before the full report.</summary>
    public bool Live { get; init; }

    /// <summary>No live lines and no progress on stderr.</summary>
    public bool Quiet { get; init; }
}
