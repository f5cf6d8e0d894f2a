using LogTriage.Parsing;

namespace LogTriage.Tests.Parsing;

public class EventMergerTests
{
    private static LogEvent At(string input, long line, int? second) =>
        new(input, line, second is null ? null : new DateTimeOffset(2026, 11, 25, 10, 0, second.Value, TimeSpan.Zero),
            LogLevel.Info, EventOrigin.Server, null, $"{input}:{line}", $"{input}:{line}");

    [Test]
    public void Orders_the_events_of_several_inputs_by_time()
    {
        var a = new[] { At("a", 1, 0), At("a", 2, 5), At("a", 3, 9) };
        var b = new[] { At("b", 1, 1), At("b", 2, 2), At("b", 3, 7) };
        var merged = EventMerger.Merge([a, b]).Select(e => e.Message).ToList();
        Assert.That(merged, Is.EqualTo(new[] { "a:1", "b:1", "b:2", "a:2", "b:3", "a:3" }));
    }

    [Test]
    public void An_untimed_event_stays_after_the_timed_event_before_it_in_its_own_input()
    {
        var a = new[] { At("a", 1, 0), At("a", 2, null), At("a", 3, 8) };
        var b = new[] { At("b", 1, 4) };
        var merged = EventMerger.Merge([a, b]).Select(e => e.Message).ToList();
        Assert.That(merged, Is.EqualTo(new[] { "a:1", "a:2", "b:1", "a:3" }));
    }

    [Test]
    public void Reads_lazily_one_event_per_input_at_a_time()
    {
        var pulled = 0;
        IEnumerable<LogEvent> Endless(string name)
        {
            for (var i = 0; ; i++)
            {
                pulled++;
                yield return At(name, i + 1, i % 60);
            }
        }
        var first = EventMerger.Merge([Endless("a"), Endless("b")]).Take(3).ToList();
        Assert.That(first, Has.Count.EqualTo(3));
        Assert.That(pulled, Is.LessThanOrEqualTo(5));
    }
}
