namespace LogTriage.Input.Monitoring;

/// <summary>The monitoring port could not be read: unreachable, not NATS, or too slow. The message is one line without credentials.</summary>
public sealed class MonitoringException(string message, Exception? inner = null) : Exception(message, inner);
