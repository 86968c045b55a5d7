using System.Threading.Channels;

namespace Joinery.Web.Infrastructure;

/// <summary>
/// Work a request hands off so that its answer never waits for it: the "forgot password" page answers
/// at once and the same way for every address, and whether an account exists (so a link is made and an
/// e-mail sent) happens afterwards, in a scope of its own, so the time to answer gives nothing away.
/// One item at a time, in the order given, while the app runs; an item that fails is logged by the
/// type of its failure only (messages can carry an address).
/// </summary>
public sealed partial class AfterTheAnswer(IServiceScopeFactory scopes, ILogger<AfterTheAnswer> logger) : BackgroundService
{
    private readonly Channel<Func<IServiceProvider, CancellationToken, Task>> _queue =
        Channel.CreateUnbounded<Func<IServiceProvider, CancellationToken, Task>>(new() { SingleReader = true });

    private int _pending;

    /// <summary>Items handed off and not finished yet.</summary>
    public int Pending => Volatile.Read(ref _pending);

    public void Enqueue(Func<IServiceProvider, CancellationToken, Task> work)
    {
        Interlocked.Increment(ref _pending);
        if (!_queue.Writer.TryWrite(work))
        {
            Interlocked.Decrement(ref _pending);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var work in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await work(scope.ServiceProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Failed(logger, e.GetType().Name);
            }
            finally
            {
                Interlocked.Decrement(ref _pending);
            }
        }
    }

    [LoggerMessage(3201, LogLevel.Warning, "Work handed off by a request failed: {Failure}")]
    private static partial void Failed(ILogger logger, string failure);
}
