using System.Collections.Concurrent;
using Wampy.Diagnostics;
using Wampy.Messages;
using Wampy.Payload;

namespace Wampy.Session;

internal sealed partial class WampSession
{
    private readonly ConcurrentDictionary<long, Registration> _registrations = new();
    private readonly RequestTable<CancellationTokenSource> _invocations = new();
    private Action<WampMessage>? _sendProgress;

    public async Task<IWampRegistration> RegisterAsync(
        string procedure, WampInvocationHandler handler, RegisterOptions? options, CancellationToken cancellationToken)
    {
        var registration = new Registration(this, procedure, handler);
        _sendProgress ??= Send;
        var requestId = _ids.Next();
        var message = new RegisterMessage(requestId, options?.ToWire() ?? WampDictionary.Empty, procedure);
        var pending = new PendingRequest<WampMessage>(WampMessageType.Registered, "Registration of", procedure, PendingRequest.Itself)
        {
            // Mapped on the receive loop, so that an INVOCATION right behind REGISTERED finds its handler.
            OnReply = reply =>
            {
                registration.RegistrationId = ((RegisteredMessage)reply).RegistrationId;
                _registrations[registration.RegistrationId] = registration;
            },
        };
        await RequestAsync(requestId, message, pending, null, cancellationToken).ConfigureAwait(false);
        return registration;
    }

    private async Task UnregisterAsync(Registration registration)
    {
        if (!_registrations.TryRemove(KeyValuePair.Create(registration.RegistrationId, registration)) || IsTerminated)
        {
            return;
        }

        var requestId = _ids.Next();
        await EndAsync(
            requestId,
            new UnregisterMessage(requestId, registration.RegistrationId),
            new PendingRequest<WampMessage>(WampMessageType.Unregistered, "Unregistration of", registration.Procedure, PendingRequest.Itself)).ConfigureAwait(false);
    }

    private void HandleInvocation(InvocationMessage invocation)
    {
        if (!_registrations.TryGetValue(invocation.RegistrationId, out var registration))
        {
            Log.UnknownRegistration(_logger, invocation.RequestId, invocation.RegistrationId);
            TrySend(new ErrorMessage(
                WampMessageType.Invocation, invocation.RequestId, WampDictionary.Empty, WampErrorUris.NoSuchRegistration));
            return;
        }

        // Cancelled by INTERRUPT, or by the end of the session (Terminate cancels every invocation in flight).
        var cancellation = new CancellationTokenSource();
        _invocations.Add(invocation.RequestId, cancellation);
        if (IsTerminated)
        {
            cancellation.Cancel();
        }

        QueueDispatched(new InvocationWorkItem(this, registration, invocation, cancellation));
    }

    private void CancelInvocations()
    {
        foreach (var cancellation in _invocations.Snapshot())
        {
            try
            {
                cancellation.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // That invocation finished meanwhile.
            }
        }
    }

    private void HandleInterrupt(InterruptMessage interrupt)
    {
        if (_invocations.TryGet(interrupt.RequestId, out var cancellation))
        {
            try
            {
                cancellation.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The invocation finished meanwhile.
            }
        }
    }

    /// <summary>Runs a handler and sends exactly one answer: YIELD, or ERROR if the handler (or its result) fails.</summary>
    private async Task RunInvocationAsync(Registration registration, InvocationMessage invocation, CancellationTokenSource cancellation)
    {
        WampMessage reply;
        var context = new WampInvocation(invocation, registration.Procedure, _sendProgress);
        try
        {
            var result = await registration.Handler(context, cancellation.Token).ConfigureAwait(false) ?? WampResult.Empty;
            reply = new YieldMessage(invocation.RequestId, result.Details, result.Arguments, result.ArgumentsKw);
        }
        catch (Exception ex)
        {
            reply = ErrorFor(registration.Procedure, invocation.RequestId, ex);
        }
        finally
        {
            context.MarkAnswered();
            _invocations.TryRemove(invocation.RequestId, out _);
            cancellation.Dispose();
        }

        try
        {
            Send(reply);
        }
        catch (ArgumentException ex)
        {
            // The result could not be serialized: the caller still gets an answer, an error.
            TrySend(ErrorFor(registration.Procedure, invocation.RequestId, ex));
        }
        catch (WampConnectionException)
        {
            Log.ReplyNotSent(_logger, invocation.RequestId);
        }
    }

    private ErrorMessage ErrorFor(string procedure, long requestId, Exception exception)
    {
        string error;
        WampArguments arguments;
        WampKeywordArguments? argumentsKw = null;
        switch (exception)
        {
            case WampException wamp:
                error = wamp.Error;
                arguments = wamp.Arguments ?? WampArguments.Empty;
                argumentsKw = wamp.ArgumentsKw;
                break;
            case OperationCanceledException:
                // Interrupted by the router, cancelled at shutdown, or given up by the handler itself.
                error = WampErrorUris.Canceled;
                arguments = WampArguments.From("The invocation was canceled.");
                break;
            default:
                error = WampErrorUris.RuntimeError;
                arguments = WampArguments.From(exception.Message);
                break;
        }

        if (exception is WampPayloadBindingException binding)
        {
            // The caller's mistake: one line, no stack trace; the caller gets invalid_argument naming the argument.
            Log.InvocationRejected(_logger, procedure, binding.Message);
        }
        else if (exception is not WampException)
        {
            Log.InvocationFailed(_logger, procedure, error, exception);
        }

        return new ErrorMessage(WampMessageType.Invocation, requestId, WampDictionary.Empty, error, arguments, argumentsKw);
    }

    private void TrySend(WampMessage message)
    {
        try
        {
            Send(message);
        }
        catch (WampConnectionException)
        {
        }
    }

    private void HandleRegistrationRevoked(UnregisteredMessage message)
    {
        var id = message.Details.GetInt64("registration") ?? 0;
        if (_registrations.TryRemove(id, out var registration))
        {
            var reason = message.Details.GetString("reason");
            Log.Revoked(_logger, $"registration of '{registration.Procedure}'", id, reason ?? "no reason given");
            registration.OnRevoked(reason);
        }
    }

    /// <summary>Runs one invocation on the thread pool, off the receive loop, without capturing an execution context.</summary>
    private sealed class InvocationWorkItem(
        WampSession session, Registration registration, InvocationMessage invocation, CancellationTokenSource cancellation) : DispatchedWorkItem
    {
        protected override WampSession Session => session;

        protected override void Run() => _ = session.RunInvocationAsync(registration, invocation, cancellation);
    }

    /// <summary>A procedure provided by this session.</summary>
    private sealed class Registration(WampSession session, string procedure, WampInvocationHandler handler) : IWampRegistration
    {
        private int _disposed;

        public string Procedure => procedure;

        public long RegistrationId { get; set; }

        public WampInvocationHandler Handler => handler;

        public event EventHandler<WampRevokedEventArgs>? Revoked;

        public void OnRevoked(string? reason)
        {
            Interlocked.Exchange(ref _disposed, 1);
            var revoked = Revoked;
            ThreadPool.QueueUserWorkItem(_ => revoked?.Invoke(this, new WampRevokedEventArgs(reason)));
        }

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                await session.UnregisterAsync(this).ConfigureAwait(false);
            }
        }
    }
}
