namespace LogTriage.Fleet;

/// <summary>A fleet operation that cannot go on, with a message for the person who asked for it.</summary>
public sealed class FleetException(string message) : Exception(message);
