using LogTriage.Input;
namespace LogTriage.Parsing;

/// <summary>A log layout the tool can read.</summary>
public interface ILogFormat
{
    /// <summary>The name used in reports and in <c>--input-format</c>.</summary>
    string Name { get; }

    /// <summary>How many of the sample lines this format recognises (0..1).</summary>
    double Recognise(IReadOnlyList<string> sample);

    ILineParser CreateParser(string inputName);

    /// <summary>A parser that may skip lines the rules cannot match (see <see cref="ILineSkipper"/>).</summary>
    ILineParser CreateParser(string inputName, ILineRelevance relevance) => CreateParser(inputName);
}
