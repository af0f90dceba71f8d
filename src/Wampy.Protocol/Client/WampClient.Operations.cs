using System.Diagnostics;
using System.Runtime.CompilerServices;
using Wampy.Diagnostics;
using Wampy.Payload;
using Wampy.Session;

namespace Wampy;

/// <summary>Calls and publications: straight to the connected session, or after waiting for it; measured when someone listens.</summary>
public sealed partial class WampClient
{
    /// <summary>Calls a procedure and returns the whole result (positional and keyword results, details).</summary>
    /// <param name="procedure">The procedure URI.</param>
    /// <param name="arguments">Positional arguments, or <see langword="null"/>.</param>
    /// <param name="argumentsKw">Keyword arguments (a dictionary or an object), or <see langword="null"/>.</param>
    /// <param name="options">Call options, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops waiting (for the session, for queue space, for the result).</param>
    /// <returns>The result.</returns>
    /// <exception cref="WampException">The callee or the router answered with an error.</exception>
    /// <exception cref="WampTimeoutException">The call's timeout elapsed.</exception>
    /// <exception cref="WampConnectionException">The client is not connected (and did not connect within <see cref="WampClientOptions.ConnectionWaitTimeout"/>), or the session ended before the result came.</exception>
    public Task<WampResult> CallAsync(
        string procedure,
        object?[]? arguments = null,
        object? argumentsKw = null,
        CallOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        CheckUri(procedure, WampMatch.Exact, nameof(procedure));
        var args = ToArguments(arguments);
        var kwargs = ToKeywordArguments(argumentsKw);
        if (!_telemetry.CallsObserved && !Traced && ConnectedSession is { } session)
        {
            return session.CallAsync(procedure, args, kwargs, options, cancellationToken);
        }

        return CallObservedAsync(procedure, args, kwargs, options, cancellationToken);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<WampResult> StreamAsync(
        string procedure,
        object?[]? arguments = null,
        object? argumentsKw = null,
        CallOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        CheckUri(procedure, WampMatch.Exact, nameof(procedure));
        var session = await GetSessionAsync(cancellationToken).ConfigureAwait(false);
        using var activity = _telemetry.StartRpc(procedure, ActivityKind.Client);
        _telemetry.Calls.Add(1, new KeyValuePair<string, object?>("wamp.procedure", procedure));
        var trace = _options.PropagateTraceContext ? TraceContext.Inject(activity ?? Activity.Current) : null;
        await foreach (var result in session.StreamAsync(procedure, ToArguments(arguments), ToKeywordArguments(argumentsKw), options, cancellationToken, trace).ConfigureAwait(false))
        {
            yield return result;
        }
    }

    /// <summary>
    /// Calls a procedure and binds the result to <typeparamref name="TResult"/>: the first positional result,
    /// else the keyword results as a whole (see <see cref="WampResult.GetValue{T}"/>).
    /// </summary>
    /// <typeparam name="TResult">The type of the result.</typeparam>
    /// <param name="procedure">The procedure URI.</param>
    /// <param name="arguments">Positional arguments, or <see langword="null"/>.</param>
    /// <param name="argumentsKw">Keyword arguments (a dictionary or an object), or <see langword="null"/>.</param>
    /// <param name="options">Call options, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops waiting for the result.</param>
    /// <returns>The bound result.</returns>
    /// <exception cref="WampException">The callee or the router answered with an error.</exception>
    /// <exception cref="WampPayloadBindingException">The result does not fit <typeparamref name="TResult"/>.</exception>
    public async Task<TResult> CallAsync<TResult>(
        string procedure,
        object?[]? arguments = null,
        object? argumentsKw = null,
        CallOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var result = await CallAsync(procedure, arguments, argumentsKw, options, cancellationToken).ConfigureAwait(false);
        return result.GetValue<TResult>();
    }

    /// <inheritdoc />
    public Task<long?> PublishAsync(
        string topic,
        object?[]? arguments = null,
        object? argumentsKw = null,
        PublishOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        CheckUri(topic, WampMatch.Exact, nameof(topic));
        var args = ToArguments(arguments);
        var kwargs = ToKeywordArguments(argumentsKw);
        if (!_telemetry.Publications.Enabled && !ClientTelemetry.ActivitySource.HasListeners() && !Traced && ConnectedSession is { } session)
        {
            return session.PublishAsync(topic, args, kwargs, options, cancellationToken);
        }

        return PublishObservedAsync(topic, args, kwargs, options, cancellationToken);
    }

    private async Task<WampResult> CallObservedAsync(
        string procedure, WampArguments? arguments, WampKeywordArguments? argumentsKw, CallOptions? options, CancellationToken cancellationToken)
    {
        var session = await GetSessionAsync(cancellationToken).ConfigureAwait(false);
        using var activity = _telemetry.StartRpc(procedure, ActivityKind.Client);
        var trace = _options.PropagateTraceContext ? TraceContext.Inject(activity ?? Activity.Current) : null;
        return await _telemetry.MeasureRpcAsync(
            procedure, activity, _telemetry.Calls, _telemetry.CallDuration, _time,
            () => new ValueTask<WampResult>(session.CallAsync(procedure, arguments, argumentsKw, options, cancellationToken, trace))).ConfigureAwait(false);
    }

    private async Task<long?> PublishObservedAsync(
        string topic, WampArguments? arguments, WampKeywordArguments? argumentsKw, PublishOptions? options, CancellationToken cancellationToken)
    {
        var session = await GetSessionAsync(cancellationToken).ConfigureAwait(false);
        using var activity = _telemetry.StartMessaging("publish", topic, ActivityKind.Producer);
        var trace = _options.PropagateTraceContext ? TraceContext.Inject(activity ?? Activity.Current) : null;
        long? publication;
        try
        {
            publication = await session.PublishAsync(topic, arguments, argumentsKw, options, cancellationToken, trace).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            ClientTelemetry.Failed(activity, ClientTelemetry.ErrorOf(ex));
            throw;
        }

        _telemetry.Publications.Add(1, new KeyValuePair<string, object?>("wamp.topic", topic));
        return publication;
    }

    /// <summary>Whether an activity is current whose trace context goes on the wire.</summary>
    private bool Traced => _options.PropagateTraceContext && Activity.Current is not null;

    private static WampArguments? ToArguments(object?[]? arguments) =>
        arguments is null || arguments.Length == 0 ? null : WampArguments.From(arguments);

    private static WampKeywordArguments? ToKeywordArguments(object? argumentsKw) =>
        argumentsKw is null ? null : WampKeywordArguments.From(argumentsKw);
}
