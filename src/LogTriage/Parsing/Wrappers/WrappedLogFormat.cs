using LogTriage.Input;

namespace LogTriage.Parsing.Wrappers;

/// <summary>
/// Logs wrapped by a platform (Docker, kubectl, syslog, journald): each line's wrapper is peeled
/// off (wrappers may nest, e.g. kubectl's prefix around its time stamp), and the inner lines are
/// parsed by the format they are detected as. The wrapper's time and severity fill in what the
/// inner line lacks; evidence keeps the line exactly as it was in the input.
/// </summary>
internal sealed class WrappedLogFormat : ILogFormat
{
    private const int MaxDepth = 3;

    private readonly IReadOnlyList<ILineWrapper> _wrappers;
    private readonly Func<FormatDetector> _innerFormats;

    /// <param name="innerFormats">The formats an inner line may have; lazy, since the detector holding this format is one of them.</param>
    public WrappedLogFormat(IReadOnlyList<ILineWrapper> wrappers, Func<FormatDetector> innerFormats)
    {
        _wrappers = wrappers;
        _innerFormats = innerFormats;
    }

    public string Name => "wrapped";

    public double Recognise(IReadOnlyList<string> sample)
    {
        var nonEmpty = sample.Count(l => l.Length > 0);
        if (nonEmpty == 0)
            return 0;
        var unwrapped = 0;
        var serverBehindPrefix = false;
        foreach (var line in sample)
        {
            if (line.Length == 0 || !Unwrap(line, [], out var inner, out var chain))
                continue;
            serverBehindPrefix |= chain.All(w => w.ServerReadsThrough) && ServerLinePrefixParser.TryParse(inner.Text, out _);
            unwrapped++;
        }
        if (serverBehindPrefix && _innerFormats().All.OfType<NatsServerLogFormat>().Any(f => f.Recognise(sample) >= FormatDetector.MinimumShare))
            return 0;
        // Slightly below 1 so that a format recognising the lines as they are wins a tie.
        return 0.99 * unwrapped / nonEmpty;
    }

    public ILineParser CreateParser(string inputName) => new Parser(this, inputName);

    internal bool Unwrap(string line, out UnwrappedLine inner, out string wrapperNames)
    {
        var peeled = Unwrap(line, [], out inner, out var chain);
        wrapperNames = string.Join('+', chain.Select(w => w.Name));
        return peeled;
    }

    /// <summary>
    /// Peels every wrapper it can; <paramref name="chain"/> says which, outermost first. At each
    /// depth the wrapper of <paramref name="preferred"/> is tried first: all lines of an input come
    /// from one platform, and a line may fit another wrapper too (to a syslog reader behind a
    /// time stamp, <c>panic: ...</c> looks like a tag and its message).
    /// </summary>
    private bool Unwrap(string line, IReadOnlyList<ILineWrapper> preferred, out UnwrappedLine inner, out List<ILineWrapper> chain)
    {
        inner = new UnwrappedLine(line, null, null, null);
        chain = [];
        for (var depth = 0; depth < MaxDepth; depth++)
        {
            var first = depth < preferred.Count ? preferred[depth] : null;
            ILineWrapper? peeled = null;
            foreach (var wrapper in first is null ? _wrappers : _wrappers.Where(w => w != first).Prepend(first))
            {
                if (!wrapper.TryUnwrap(inner.Text, out var next))
                    continue;
                inner = new UnwrappedLine(next.Text, inner.Time ?? next.Time, inner.Level ?? next.Level, inner.Program ?? next.Program);
                peeled = wrapper;
                break;
            }
            if (peeled is null)
                break;
            chain.Add(peeled);
        }
        return chain.Count > 0;
    }

    private sealed class Parser(WrappedLogFormat format, string input) : ILineParser, IFormatNamed
    {
        private readonly Dictionary<long, (UnwrappedLine Inner, string Raw)> _pending = [];
        private long _forgottenUpTo;

        public string FormatName { get; private set; } = "wrapped";

        public IEnumerable<LogEvent> Parse(IEnumerable<InputLine> lines)
        {
            var wrappers = "";
            IReadOnlyList<ILineWrapper> platform = [];
            var inner = lines.Select(line =>
            {
                if (format.Unwrap(line.Text, platform, out var unwrapped, out var chain) && wrappers.Length == 0)
                {
                    wrappers = string.Join('+', chain.Select(w => w.Name));
                    platform = chain;
                }
                _pending[line.Number] = (unwrapped, line.Text);
                return line with { Text = unwrapped.Text };
            });

            using var peekable = new PeekableLines(inner);
            var sample = peekable.Peek(50);
            var serverProgram = ProgramIsNatsServer();
            var innerFormat = DetectInner(sample, serverProgram);
            FormatName = $"{(wrappers.Length > 0 ? wrappers : "wrapped")}+{innerFormat.Name}";
            // Only the server's own syslog output writes its lines bare; behind a container's or a
            // paste's prefix, a line that is not the server's is an application's.
            var bareLinesAreServers = innerFormat is NatsServerLogFormat && serverProgram;

            foreach (var e in innerFormat.CreateParser(input).Parse(peekable))
            {
                var meta = _pending.TryGetValue(e.Line, out var m) ? m : (new UnwrappedLine(e.Text, null, null, null), e.Text);
                Forget(e.Line + e.LineCount - 1);
                yield return Enrich(e, meta.Item1, meta.Item2, bareLinesAreServers);
            }
        }

        private ILogFormat DetectInner(IReadOnlyList<string> sample, bool serverProgram)
        {
            var detector = format._innerFormats();
            var detected = detector.Detect(sample);
            // The server's own syslog output has no level labels: the program name says whose lines they are.
            if (detected is PlainTextFormat && serverProgram)
                return detector.All.OfType<NatsServerLogFormat>().FirstOrDefault() ?? detected;
            return detected;
        }

        private bool ProgramIsNatsServer()
        {
            var programs = _pending.Values.Select(p => p.Inner.Program).Where(p => p is not null).ToList();
            return programs.Count > 0 && programs.Count(p => p!.Contains("nats-server", StringComparison.OrdinalIgnoreCase)) * 2 > programs.Count;
        }

        private void Forget(long upTo)
        {
            for (var n = _forgottenUpTo + 1; n <= upTo; n++)
                _pending.Remove(n);
            _forgottenUpTo = Math.Max(_forgottenUpTo, upTo);
        }

        private LogEvent Enrich(LogEvent e, UnwrappedLine meta, string raw, bool bareLinesAreServers)
        {
            if (!e.Parsed && bareLinesAreServers && e.Text.Length > 0)
                e = NatsServerLineParser.BareMessageEvent(e.Input, e.Line, e.Text, meta.Level);
            return e with
            {
                Time = e.Time ?? meta.Time,
                Level = e.Level == LogLevel.Unknown && meta.Level is { } level ? level : e.Level,
                Text = e.LineCount == 1 ? raw : e.Text,
            };
        }
    }
}
