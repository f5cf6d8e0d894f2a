namespace LogTriage.Signals;

/// <summary>Where a signal was read: input and line.</summary>
public readonly record struct SignalPosition(string Input, long Line);
