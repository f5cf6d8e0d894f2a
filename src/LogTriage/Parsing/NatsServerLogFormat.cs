namespace LogTriage.Parsing;

/// <summary>nats-server's own log layout (stderr or <c>log_file</c>), in all its variants.</summary>
public sealed class NatsServerLogFormat : ILogFormat
{
    public string Name => "nats-server";

    public double Recognise(IReadOnlyList<string> sample)
    {
        var nonEmpty = 0;
        var recognised = 0;
        foreach (var line in sample)
        {
            if (line.Length == 0)
                continue;
            nonEmpty++;
            if (ServerLinePrefixParser.TryParse(AnsiColour.Strip(line), out _) || GoCrashDetector.IsCrashStart(line))
                recognised++;
        }
        return nonEmpty == 0 ? 0 : (double)recognised / nonEmpty;
    }

    public ILineParser CreateParser(string inputName) => new NatsServerLineParser(inputName);
}
