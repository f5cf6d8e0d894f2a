namespace LogTriage.Engine;

/// <summary>Where a signal was read: input and line.</summary>
public sealed record SignalPosition(string Input, long Line);
