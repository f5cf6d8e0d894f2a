namespace LogTriage.Input.Monitoring;

/// <summary>One reading of <c>/varz</c>. <see cref="Cpu"/> is the server's figure: percent of one core.</summary>
public sealed record VarzSample(
    DateTimeOffset Time,
    DateTimeOffset? Start,
    double Cpu,
    int Cores,
    long Memory,
    long Connections,
    long MaxConnections,
    long SlowConsumers);
