using LogTriage.Parsing;

namespace LogTriage.Signals;

/// <summary>
/// Collects the warnings, errors and fatal lines no rule matched, grouped by template, so that a
/// gap in the rules shows in the report instead of passing silently. Bounded: past a number of
/// templates, new ones are only counted.
/// </summary>
internal sealed class UnrecognisedCollector(int maxTemplates = 1000)
{
    private readonly Dictionary<(LogLevel, string), UnrecognisedGroup.Builder> _groups = [];

    public long Overflow { get; private set; }

    public void Add(LogEvent e)
    {
        if (e.Level < LogLevel.Warning)
            return;
        var key = (e.Level, MessageTemplate.Of(e.Message));
        if (!_groups.TryGetValue(key, out var group))
        {
            if (_groups.Count >= maxTemplates)
            {
                Overflow++;
                return;
            }
            _groups[key] = group = new UnrecognisedGroup.Builder(key.Item2, e);
        }
        group.Add(e);
    }

    public IReadOnlyList<UnrecognisedGroup> Groups(int top) =>
        _groups.Values.Select(b => b.Build()).OrderByDescending(g => g.Level).ThenByDescending(g => g.Count).Take(top).ToList();
}

/// <summary>Unrecognised lines of one template: how many, when, and the first one as an example.</summary>
public sealed record UnrecognisedGroup(string Template, LogLevel Level, long Count, DateTimeOffset? FirstSeen, DateTimeOffset? LastSeen, LogEvent Example)
{
    internal sealed class Builder(string template, LogEvent example)
    {
        private long _count;
        private DateTimeOffset? _first;
        private DateTimeOffset? _last;

        public void Add(LogEvent e)
        {
            _count++;
            if (e.Time is { } t)
            {
                _first = _first is null || t < _first ? t : _first;
                _last = _last is null || t > _last ? t : _last;
            }
        }

        public UnrecognisedGroup Build() => new(template, example.Level, _count, _first, _last, example);
    }
}
