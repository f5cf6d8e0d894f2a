namespace LogTriage.Input;

/// <summary>What was read from one input; filled in while it streams, read by the report.</summary>
public sealed class InputStatistics(string name)
{
    public string Name { get; } = name;
    public string Format { get; set; } = "unknown";
    public long Lines { get; set; }
    public long Bytes { get; set; }

    /// <summary>Bytes up to the end of the last line handed out: where a later scan resumes.</summary>
    public long ConsumedBytes { get; set; }
    public long Events { get; set; }
    public long Unparsed { get; set; }

    /// <summary>Lines the parser dropped unread because no rule could match them.</summary>
    public long Skipped { get; set; }

    /// <summary>Lines longer than the reader keeps; their end was skipped.</summary>
    public long TruncatedLines { get; set; }
    public string? Error { get; set; }

    /// <summary>The earliest and latest event time the input holds (log time, not read time).</summary>
    public DateTimeOffset? FirstTime { get; private set; }

    public DateTimeOffset? LastTime { get; private set; }

    public void Seen(DateTimeOffset? time)
    {
        if (time is not { } t)
            return;
        if (FirstTime is null || t < FirstTime)
            FirstTime = t;
        if (LastTime is null || t > LastTime)
            LastTime = t;
    }
}
