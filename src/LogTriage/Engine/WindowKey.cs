namespace LogTriage.Engine;

/// <summary>The group of a threshold's aggregate: one key value in one window of time.</summary>
public readonly record struct WindowKey(string Key, long Window);
