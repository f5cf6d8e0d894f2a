namespace LogTriage.Input;

/// <summary>The inputs found for the user's arguments, and one message per argument that named nothing readable.</summary>
public sealed record InputResolution(IReadOnlyList<InputSource> Sources, IReadOnlyList<string> Errors);
