namespace LogTriage.Engine;

/// <summary>A run of signals close together in time: where a finding happened, not just its first and last time.</summary>
public readonly record struct Burst(DateTimeOffset Start, DateTimeOffset End, long Count);
