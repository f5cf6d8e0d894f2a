using LogTriage.Input;
namespace LogTriage.Parsing;

/// <summary>
/// The fallback for text no other format recognises (an application's own log, a paste in a bug
/// report): each line is an event with the level and time guessed from its start, so rules on
/// message text still apply; a Go crash dump is still gathered into one event.
/// </summary>
internal sealed class PlainTextFormat : ILogFormat
{
    public string Name => "text";

    public double Recognise(IReadOnlyList<string> sample) => 0.01;

    public ILineParser CreateParser(string inputName) => new Parser(inputName, EveryLineMatters.Instance);

    public ILineParser CreateParser(string inputName, ILineRelevance relevance) => new Parser(inputName, relevance);

    private sealed class Parser(string input, ILineRelevance relevance) : ILineParser, ILineSkipper
    {
        private bool _inCrash;
        private DateTimeOffset? _lastTime;

        /// <summary>
        /// A line below warning (as far as its level can be guessed) that holds no rule literal is
        /// skipped; a crash dump, and anything inside one, never is.
        /// </summary>
        public bool IsSkippable(ReadOnlySpan<char> line, out DateTimeOffset? time)
        {
            time = null;
            if (line.IsEmpty || GoCrashDetector.IsCrashStart(line))
                return false;
            var level = PlainTextLevel.Guess(line);
            return level < LogLevel.Warning && !relevance.MayMatter(line, level, EventOrigin.Unknown);
        }

        public bool CanSkipNow => !_inCrash;

        public void Skipped(DateTimeOffset? time) => _lastTime = time ?? _lastTime;

        public IEnumerable<LogEvent> Parse(IEnumerable<InputLine> lines)
        {
            CrashEventBuilder? crash = null;
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
                    _inCrash = false;
                }

                if (GoCrashDetector.IsCrashStart(text))
                {
                    crash = new CrashEventBuilder(input, line with { Text = text }, _lastTime, EventOrigin.Unknown);
                    _inCrash = true;
                    continue;
                }

                var time = LeadingTimestamp.TryRead(text);
                _lastTime = time ?? _lastTime;
                yield return new LogEvent(input, line.Number, time, PlainTextLevel.Guess(text), EventOrigin.Unknown, null, text.Trim(), text);
            }
            if (crash is not null)
                yield return crash.Build();
        }
    }
}
