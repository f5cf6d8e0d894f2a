namespace LogTriage.Parsing;

/// <summary>
/// nats-server's own log layout (stderr or <c>log_file</c>), in all its variants, also behind the
/// prefix a platform or a paste puts before each line (docker compose, stern, kubectl, journald,
/// a markdown quote or table, indentation).
/// </summary>
internal sealed class NatsServerLogFormat : ILogFormat
{
    /// <summary>
    /// What a line recognised behind a prefix counts for: just below what the wrapped format gives
    /// a line it can peel, so a platform wrapper it knows (which also brings its time and severity)
    /// is preferred, while any other prefix is still read as the server's.
    /// </summary>
    private const double BehindPrefix = 0.98;

    public string Name => "nats-server";

    /// <summary>
    /// The share of sample lines that carry the server's signature, or belong to a Go crash dump,
    /// either at the start of the line or behind a prefix whose shape (<see cref="LinePrefixShape"/>)
    /// at least two signature lines share: one line quoting a server line does not make a server log.
    /// </summary>
    public double Recognise(IReadOnlyList<string> sample)
    {
        var lines = sample.Where(l => l.Length > 0).Select(AnsiColour.Strip).ToList();
        if (lines.Count == 0)
            return 0;

        var signatures = lines.Select(l => ServerLinePrefixParser.TryFind(l, out var p) ? LinePrefixShape.Of(l.AsSpan(0, p.Start)) : (ulong?)null).ToList();
        var shapes = PrefixShapeSet.Unprefixed;
        foreach (var group in signatures.OfType<ulong>().GroupBy(s => s).Where(g => g.Count() >= 2))
            shapes = shapes.With(group.Key);

        var recognised = 0.0;
        PrefixShapeSet? crash = null;
        var crashIndentation = 0;
        LinePrefixShape.BodyTest continues = (body, indentation) => GoCrashDetector.IsContinuation(body, indentation, crashIndentation);
        for (var i = 0; i < lines.Count; i++)
        {
            ulong shape;
            if (signatures[i] is { } signature)
            {
                crash = null;
                if (!shapes.Contains(signature))
                    continue;
                shape = signature;
            }
            else if (crash is not null && LinePrefixShape.TryFindBody(lines[i], crash, continues, out _, out shape))
            {
                // A goroutine dump is part of a server log when captured from stderr.
            }
            else if (LinePrefixShape.TryFindBody(lines[i], shapes, NatsServerLineParser.StartsCrash, out var bodyStart, out shape))
            {
                crash = PrefixShapeSet.Of(shape);
                crashIndentation = LinePrefixShape.BlanksBefore(lines[i], bodyStart);
            }
            else
            {
                crash = null;
                continue;
            }
            recognised += shape == LinePrefixShape.None ? 1 : BehindPrefix;
        }
        return recognised / lines.Count;
    }

    public ILineParser CreateParser(string inputName) => new NatsServerLineParser(inputName);

    public ILineParser CreateParser(string inputName, ILineRelevance relevance) => new NatsServerLineParser(inputName, relevance);
}
