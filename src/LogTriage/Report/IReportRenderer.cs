namespace LogTriage.Report;

/// <summary>Writes a report in one output format.</summary>
public interface IReportRenderer
{
    /// <summary>The name given to <c>--format</c>.</summary>
    string Format { get; }

    void Render(CauseReport report, TextWriter output);
}
