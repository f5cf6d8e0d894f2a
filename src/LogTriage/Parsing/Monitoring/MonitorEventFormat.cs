using LogTriage.Input;
using LogTriage.Parsing;

namespace LogTriage.Parsing.Monitoring;

/// <summary>
/// The <c>monitor</c> format: lines of <see cref="MonitorEventLine"/>, written by
/// <c>logtriage probe</c> (fed to the analysis, and saved with <c>--save</c>) and used by the
/// examples of <c>source: monitor</c> rules. Its events have origin <see cref="EventOrigin.Monitor"/>.
/// </summary>
internal sealed class MonitorEventFormat : ILogFormat
{
    public string Name => "monitor";

    public double Recognise(IReadOnlyList<string> sample)
    {
        var nonEmpty = sample.Count(l => l.Length > 0);
        return nonEmpty == 0 ? 0 : (double)sample.Count(l => MonitorEventLine.LooksLike(l) && MonitorEventLine.TryRead("", 0, l, out _)) / nonEmpty;
    }

    public ILineParser CreateParser(string inputName) => new Parser(inputName);

    private sealed class Parser(string input) : ILineParser
    {
        public IEnumerable<LogEvent> Parse(IEnumerable<InputLine> lines)
        {
            foreach (var line in lines)
                yield return MonitorEventLine.TryRead(input, line.Number, line.Text, out var e)
                    ? e!
                    : new LogEvent(input, line.Number, null, LogLevel.Unknown, EventOrigin.Unknown, null, line.Text.Trim(), line.Text) { Parsed = line.Text.Length == 0 };
        }
    }
}
