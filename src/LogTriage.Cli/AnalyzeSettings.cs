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

    /// <summary>Remove secrets (passwords, tokens, JWTs, nkey seeds, credentials) from every text of the report.</summary>
    public bool Redact { get; init; } = true;

    /// <summary>Also mask IP addresses, the same address always the same way.</summary>
    public bool RedactAddresses { get; init; }

    /// <summary>Add the CSV rows to an existing <see cref="OutPath"/> without repeating the header.</summary>
    public bool Append { get; init; }

    /// <summary>The whole text report (all evidence, the full diagnosis, every fix) instead of one screen.</summary>
    public bool Details { get; init; }

    /// <summary>The command as typed, for the report's provenance.</summary>
    public string CommandLine { get; init; } = "logtriage";

    /// <summary>Evidence lines kept per cause.</summary>
    public int MaxExamples { get; init; } = int.MaxValue;

    public Report.Redaction.RedactionOptions Redaction => new(Secrets: Redact, MaskAddresses: RedactAddresses);
}
