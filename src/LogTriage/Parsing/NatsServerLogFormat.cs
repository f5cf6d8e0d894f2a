namespace LogTriage.Parsing;

/// <summary>nats-server's own log layout (stderr or <c>log_file</c>), in all its variants.</summary>
internal sealed class NatsServerLogFormat : ILogFormat
{
    public string Name => "nats-server";

    public double Recognise(IReadOnlyList<string> sample)
    {
        var nonEmpty = 0;
        var recognised = 0;
        var inCrash = false;
        foreach (var line in sample)
        {
            if (line.Length == 0)
                continue;
            nonEmpty++;
            if (ServerLinePrefixParser.TryParse(AnsiColour.Strip(line), out _))
            {
                inCrash = false;
                recognised++;
            }
            else if (GoCrashDetector.IsCrashStart(line) || (inCrash && GoCrashDetector.IsContinuation(line)))
            {
                // A goroutine dump is part of a server log when captured from stderr.
                inCrash = true;
                recognised++;
            }
        }
        return nonEmpty == 0 ? 0 : (double)recognised / nonEmpty;
    }

    public ILineParser CreateParser(string inputName) => new NatsServerLineParser(inputName);

    public ILineParser CreateParser(string inputName, ILineRelevance relevance) => new NatsServerLineParser(inputName, relevance);
}
