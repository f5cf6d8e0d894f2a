using LogTriage.Input;
namespace LogTriage.Parsing;

/// <summary>
/// Turns the lines of one input into events. Stateful (multi-line records), so one instance
/// serves one input; obtained from <see cref="ILogFormat.CreateParser"/>.
/// </summary>
public interface ILineParser
{
    IEnumerable<LogEvent> Parse(IEnumerable<InputLine> lines);
}
