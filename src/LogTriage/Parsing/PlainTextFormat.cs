namespace LogTriage.Parsing;

/// <summary>
/// The fallback for text no other format recognises (an application's own log, a paste in a bug
/// report): each line is an event of unknown level, so rules on message text still apply.
/// </summary>
public sealed class PlainTextFormat : ILogFormat
{
    public string Name => "text";

    public double Recognise(IReadOnlyList<string> sample) => 0.01;

    public ILineParser CreateParser(string inputName) => new Parser(inputName);

    private sealed class Parser(string input) : ILineParser
    {
        public IEnumerable<LogEvent> Parse(IEnumerable<InputLine> lines)
        {
            foreach (var line in lines)
            {
                var text = AnsiColour.Strip(line.Text);
                var level = PlainTextLevel.Guess(text);
                yield return new LogEvent(input, line.Number, null, level, EventOrigin.Unknown, null, text.Trim(), text);
            }
        }
    }
}
