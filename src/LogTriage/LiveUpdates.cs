namespace LogTriage;

/// <summary>
/// Watches a running analysis and hands a fresh snapshot of its conclusions to an observer
/// shortly after new signals arrive, also when the input has gone quiet (a pipe that waits), so
/// a cause is reported while the input is still being read.
/// </summary>
public sealed class LiveUpdates : IDisposable
{
    private readonly AnalysisRun _run;
    private readonly Action<AnalysisResult> _observer;
    private readonly Timer _timer;
    private readonly object _gate = new();
    private long _seen;

    public LiveUpdates(AnalysisRun run, Action<AnalysisResult> observer, TimeSpan interval)
    {
        _run = run;
        _observer = observer;
        _timer = new Timer(_ => Check(), null, interval, interval);
    }

    /// <summary>Takes a snapshot now if anything changed since the last one.</summary>
    public void Check()
    {
        lock (_gate)
        {
            var signals = _run.SignalCount;
            if (signals == _seen)
                return;
            _seen = signals;
            _observer(_run.Snapshot());
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        lock (_gate)
        {
            // The observer is not called after disposal.
            _seen = long.MaxValue;
        }
    }
}
