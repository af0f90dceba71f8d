using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wampy.Hosting.Diagnostics;

namespace Wampy.Hosting.Handlers;

/// <summary>
/// Runs handler methods: one DI scope per invocation or event, the handler instance resolved from it, metrics and
/// a span around it. Counts what is in flight so that shutdown can wait for it, and refuses new work once stopping.
/// </summary>
internal sealed class HandlerDispatcher(IServiceScopeFactory scopes, ILogger<HandlerDispatcher> logger)
{
    private readonly CancellationTokenSource _shutdown = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource _idle = CompletedIdle();
    private int _inFlight;
    private volatile bool _accepting = true;

    public int InFlight => Volatile.Read(ref _inFlight);

    public WampInvocationHandler ForProcedure(HandlerMethod method) => (invocation, cancellationToken) =>
        InvokeAsync(method, invocation, cancellationToken);

    public WampEventHandler ForTopic(HandlerMethod method) => (@event, cancellationToken) =>
        HandleEventAsync(method, @event, cancellationToken);

    /// <summary>New invocations are refused (<c>wamp.error.canceled</c>) and new events dropped from now on.</summary>
    public void StopAccepting() => _accepting = false;

    /// <summary>Completes when nothing is in flight, or after <paramref name="timeout"/> (returning false).</summary>
    public async Task<bool> WaitIdleAsync(TimeSpan timeout)
    {
        try
        {
            Task idle;
            lock (_gate)
            {
                idle = _idle.Task;
            }

            await idle.WaitAsync(timeout).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Cancels the token of every handler still running.</summary>
    public void CancelInFlight() => _shutdown.Cancel();

    private async ValueTask<WampResult> InvokeAsync(HandlerMethod method, WampInvocation invocation, CancellationToken cancellationToken)
    {
        if (!_accepting)
        {
            throw new WampException(WampErrorUris.Canceled, "The service is shutting down.");
        }

        Enter();
        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _shutdown.Token);
            var scope = scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var handler = scope.ServiceProvider.GetRequiredService(method.HandlerType);
                var context = new WampHandlerContext(invocation.Arguments, invocation.ArgumentsKw, invocation, null, linked.Token);
                var value = await method.InvokeAsync(handler, context).ConfigureAwait(false);
                return value as WampResult ?? (method.ReturnsValue ? WampResult.FromValue(value) : WampResult.Empty);
            }
        }
        finally
        {
            // An exception goes to the session, which answers ERROR and logs it; the client measures the invocation.
            Exit();
        }
    }

    private async ValueTask HandleEventAsync(HandlerMethod method, WampEvent @event, CancellationToken cancellationToken)
    {
        if (!_accepting)
        {
            return;
        }

        Enter();
        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _shutdown.Token);
            var scope = scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var handler = scope.ServiceProvider.GetRequiredService(method.HandlerType);
                await method.InvokeAsync(handler, new WampHandlerContext(@event.Arguments, @event.ArgumentsKw, null, @event, linked.Token)).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            Log.HandlerFailed(logger, method.DisplayName, method.Uri, ex);
        }
        finally
        {
            Exit();
        }
    }

    private void Enter()
    {
        lock (_gate)
        {
            if (++_inFlight == 1)
            {
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    private void Exit()
    {
        lock (_gate)
        {
            if (--_inFlight == 0)
            {
                _idle.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource CompletedIdle()
    {
        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        idle.SetResult();
        return idle;
    }
}
