using LogTriage.Input;
using LogTriage.Parsing;

namespace LogTriage.Parsing.Monitoring;

/// <summary>
/// A probe's events as an input like any log: their <see cref="MonitorEventLine"/> text, read back
/// by <see cref="MonitorEventFormat"/>, so the analysis pipeline needs nothing of its own for them.
/// </summary>
public static class MonitorInput
{
    public static InputSource From(string name, IEnumerable<LogEvent> events) =>
        InputSource.FromText(name, MonitorEventLine.WriteAll(events));
}
