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
        private readonly ExceptionRecordGatherer _records = new();
        private readonly PasteIndentation _indentation = new();
        private bool _inCrash;
        private bool _skippedSinceLast;
        private DateTimeOffset? _lastTime;

        /// <summary>
        /// A line below warning (as far as its level can be guessed) that holds no rule literal is
        /// skipped; a crash dump, an exception's text, a record's first line, and anything inside them, never is.
        /// </summary>
        public DateTimeOffset? TimeOf(ReadOnlySpan<char> line) => null;

        public bool IsSkippable(ReadOnlySpan<char> line)
        {
            if (line.IsEmpty || GoCrashDetector.IsCrashStart(line) || ExceptionLine.MayBelongToException(line) || JavaUtilLoggingHeader.IsHeader(line))
                return false;
            var level = PlainTextLevel.Guess(line);
            return level < LogLevel.Warning && !relevance.MayMatter(line, level, EventOrigin.Unknown);
        }

        public bool CanSkipNow => !_inCrash && !_records.InsideRecord && !_indentation.Deciding;

        public void Skipped(DateTimeOffset? time)
        {
            _lastTime = time ?? _lastTime;
            _skippedSinceLast = true;
        }

        public IEnumerable<LogEvent> Parse(IEnumerable<InputLine> lines)
        {
            CrashEventBuilder? crash = null;
            foreach (var line in _indentation.Remove(lines))
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

                // Lines skipped unread lie between the held record and this line: it cannot continue it.
                if (_skippedSinceLast)
                {
                    _skippedSinceLast = false;
                    foreach (var record in _records.Interrupt())
                        yield return Event(record);
                }

                if (GoCrashDetector.IsCrashStart(text))
                {
                    foreach (var record in _records.Flush())
                        yield return Event(record);
                    crash = new CrashEventBuilder(input, line with { Text = text }, _lastTime, EventOrigin.Unknown);
                    _inCrash = true;
                    continue;
                }

                foreach (var record in _records.Add(line with { Text = text }))
                    yield return Event(record);
            }
            foreach (var record in _records.Flush())
                yield return Event(record);
            if (crash is not null)
                yield return crash.Build();
        }

        private LogEvent Event(ExceptionRecordGatherer.Record record)
        {
            var e = GatheredRecordEvent.Build(input, record, _lastTime, EventOrigin.Unknown);
            _lastTime = LeadingTimestamp.TryRead(record.Lines[0].Text) ?? _lastTime;
            return e;
        }
    }
}
