using System.Runtime.InteropServices;

namespace LogTriage.Cli;

/// <summary>
/// A token cancelled by Ctrl-C or SIGTERM, for the long-running commands (follow, ship, worker,
/// watch): they finish what is in hand and exit normally, as a service manager expects.
/// </summary>
internal sealed class StopSignal : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly PosixSignalRegistration _terminate;

    public StopSignal(CancellationToken cancel)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var stop = _stop;
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
    }

    public CancellationToken Token => _stop.Token;

    public void Dispose()
    {
        _terminate.Dispose();
        _stop.Dispose();
    }
}
