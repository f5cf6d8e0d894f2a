namespace LogTriage.Parsing;

/// <summary>
/// The fallback for text no other format recognises (an application's own log, a paste in a bug
/// report): each line is an event with the level and time guessed from its start, so rules on
/// message text still apply; a Go crash dump is still gathered into one event.
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
            CrashEventBuilder? crash = null;
            DateTimeOffset? lastTime = null;
            foreach (var line in lines)
            {
                var text = AnsiColour.Strip(line.Text);
                if (crash is not null)
                {
                    if (GoCrashDetector.IsContinuation(text))
                    {
                        crash.Add(text);
                        continue;
                    }
                    yield return crash.Build();
                    crash = null;
                }

                if (GoCrashDetector.IsCrashStart(text))
                {
                    crash = new CrashEventBuilder(input, line with { Text = text }, lastTime, EventOrigin.Unknown);
                    continue;
                }

                var time = LeadingTimestamp.TryRead(text);
                lastTime = time ?? lastTime;
                yield return new LogEvent(input, line.Number, time, PlainTextLevel.Guess(text), EventOrigin.Unknown, null, text.Trim(), text);
            }
            if (crash is not null)
                yield return crash.Build();
        }
    }
}
