namespace LogTriage.Parsing;

/// <summary>Picks the format that recognises most of an input's first lines.</summary>
public sealed class FormatDetector
{
    internal const double MinimumShare = 0.3;
    private readonly IReadOnlyList<ILogFormat> _formats;
    private readonly ILogFormat _fallback;

    public FormatDetector(IReadOnlyList<ILogFormat> formats, ILogFormat fallback)
    {
        _formats = formats;
        _fallback = fallback;
    }

    public static FormatDetector Default { get; } = CreateDefault();

    /// <summary>The formats lines may have once a platform's wrapper is peeled off.</summary>
    private static FormatDetector Unwrapped() =>
        new([new NatsServerLogFormat(), new ClefLogFormat(), new MelConsoleFormat(), new JsonLinesFormat(), new LogfmtFormat()], new PlainTextFormat());

    private static FormatDetector CreateDefault()
    {
        var inner = Unwrapped();
        var wrapped = new Wrappers.WrappedLogFormat(
            [new Wrappers.DockerJsonWrapper(), new Wrappers.LogExportWrapper(), new Wrappers.CsvExportWrapper(), new Wrappers.KubectlPrefixWrapper(), new Wrappers.SyslogWrapper(), new Wrappers.ContainerTimestampWrapper(), new Wrappers.ComposePrefixWrapper(), new Wrappers.MarkdownQuoteWrapper(), new Wrappers.SternPrefixWrapper(), new Wrappers.GrepPrefixWrapper()],
            () => inner);
        return new FormatDetector([new Monitoring.MonitorEventFormat(), new Advisories.ServerAdvisoryFormat(), .. inner.All.Where(f => f is not PlainTextFormat), wrapped], new PlainTextFormat());
    }

    public IEnumerable<ILogFormat> All => _formats.Append(_fallback);

    public ILogFormat Detect(IReadOnlyList<string> sample)
    {
        ILogFormat best = _fallback;
        var bestScore = MinimumShare;
        foreach (var format in _formats)
        {
            var score = format.Recognise(sample);
            if (score > bestScore)
            {
                best = format;
                bestScore = score;
            }
            // Every line recognised: no later format can score more (scores are shares, 0..1), so
            // the others are not asked (some build costly parsers; a small log should not wait).
            if (bestScore >= 1.0)
                break;
        }
        return best;
    }

    public ILogFormat? Find(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}
