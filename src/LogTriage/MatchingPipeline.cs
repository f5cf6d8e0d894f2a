using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using LogTriage.Parsing;
using LogTriage.Signals;

namespace LogTriage;

/// <summary>
/// Feeds an analysis its events with their signals. On finite inputs reading, parsing and matching
/// run on one thread while the caller's thread folds the results into the run (coalescer and
/// engine), so the two halves of the work overlap on two cores. The events cross in batches, in
/// their order, so the run sees exactly what the one-thread loop would show it. Inputs that may
/// wait for more (a pipe, a followed file) stay on one thread: a batch waiting to fill up would
/// hold a finding back.
/// </summary>
internal static class MatchingPipeline
{
    private const int BatchSize = 256;

    /// <summary>Batches in flight: enough to ride out a slow engine insert, few enough to keep memory flat.</summary>
    private const int BatchesInFlight = 4;

    public static void Sequential(IEnumerable<LogEvent> events, TimeWindow window, SignalMatcher matcher, AnalysisRun run)
    {
        var signals = new List<Signal>();
        foreach (var e in events)
        {
            if (!window.Contains(e.Time))
            {
                run.Skip(e.Time);
                continue;
            }
            signals.Clear();
            matcher.Match(e, signals);
            run.Add(e, signals);
        }
    }

    public static void Overlapped(IEnumerable<LogEvent> events, TimeWindow window, SignalMatcher matcher, AnalysisRun run)
    {
        using var queue = new BlockingCollection<Batch>(BatchesInFlight);
        using var stop = new CancellationTokenSource();
        ExceptionDispatchInfo? failure = null;
        var producer = new Thread(() =>
        {
            try
            {
                var batch = new Batch();
                foreach (var e in events)
                {
                    batch.Add(e, window.Contains(e.Time));
                    if (batch.Count == BatchSize)
                    {
                        batch.Match(matcher);
                        queue.Add(batch, stop.Token);
                        batch = new Batch();
                    }
                }
                if (batch.Count > 0)
                {
                    batch.Match(matcher);
                    queue.Add(batch, stop.Token);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                queue.CompleteAdding();
            }
        })
        { IsBackground = true, Name = "logtriage read+match" };
        producer.Start();

        try
        {
            var signals = new List<Signal>();
            foreach (var batch in queue.GetConsumingEnumerable())
                batch.HandTo(run, signals);
        }
        catch
        {
            stop.Cancel();
            throw;
        }
        finally
        {
            producer.Join();
        }
        failure?.Throw();
    }

    /// <summary>Consecutive events, each with its signals (or marked outside the window).</summary>
    private sealed class Batch
    {
        /// <summary>Parts of a batch matched at once: the events are independent, and matching is most of a signal-dense log's reading.</summary>
        private const int Parts = 4;

        private readonly LogEvent[] _events = new LogEvent[BatchSize];
        // Where each event's signals end in _signals; -1: the event is outside the window.
        private readonly int[] _signalEnds = new int[BatchSize];
        private readonly List<Signal> _signals = [];

        public int Count { get; private set; }

        public void Add(LogEvent e, bool inWindow)
        {
            _events[Count] = e;
            _signalEnds[Count++] = inWindow ? 0 : -1;
        }

        /// <summary>Matches the events in parts on the cores free, then lays their signals out in event order.</summary>
        public void Match(SignalMatcher matcher)
        {
            var size = (Count + Parts - 1) / Parts;
            var found = new List<Signal>[Parts];
            Parallel.For(0, Parts, part =>
            {
                var signals = found[part] = [];
                for (var i = part * size; i < Math.Min(Count, (part + 1) * size); i++)
                {
                    if (_signalEnds[i] < 0)
                        continue;
                    matcher.Match(_events[i], signals);
                    _signalEnds[i] = signals.Count;
                }
            });
            for (var part = 0; part < Parts; part++)
            {
                var offset = _signals.Count;
                for (var i = part * size; i < Math.Min(Count, (part + 1) * size); i++)
                    if (_signalEnds[i] >= 0)
                        _signalEnds[i] += offset;
                _signals.AddRange(found[part]);
            }
        }

        public void HandTo(AnalysisRun run, List<Signal> signals)
        {
            var start = 0;
            for (var i = 0; i < Count; i++)
            {
                var end = _signalEnds[i];
                if (end < 0)
                {
                    run.Skip(_events[i].Time);
                    continue;
                }
                signals.Clear();
                for (var s = start; s < end; s++)
                    signals.Add(_signals[s]);
                start = end;
                run.Add(_events[i], signals);
            }
        }
    }
}
