using LogTriage.Parsing.Monitoring;
using LogTriage.Input.Monitoring;
using LogTriage.Parsing;

namespace LogTriage.Tests.Monitoring;

/// <summary>
/// The default formats with the monitor format first, whether or not the default detector has it
/// yet: the monitor tests check the monitor rules on their own terms.
/// </summary>
public static class FormatDetectorWithMonitor
{
    public static FormatDetector Detector { get; } = new(
        [new MonitorEventFormat(), .. FormatDetector.Default.All.Where(f => f is not PlainTextFormat && f.Name != "monitor")],
        new PlainTextFormat());
}
