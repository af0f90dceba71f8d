using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Wampy.Messages;
using Wampy.Payload;

namespace Wampy.Session;

internal sealed partial class WampSession
{
    /// <summary>
    /// Sends a CALL and returns the task of its result. While the outbound queue has room (the usual case) nothing is
    /// awaited here: the task is the pending request's own, so a call costs no state machine of its own.
    /// </summary>
    public Task<WampResult> CallAsync(
        string procedure, WampArguments? arguments, WampKeywordArguments? argumentsKw, CallOptions? options, CancellationToken cancellationToken,
        Dictionary<string, object?>? trace = null)
    {
        var space = WaitForOutboundSpaceAsync(cancellationToken);
        return space.IsCompletedSuccessfully
            ? StartCall(procedure, arguments, argumentsKw, options, cancellationToken, trace)
            : CallWhenSpaceAsync(space, procedure, arguments, argumentsKw, options, cancellationToken, trace);
    }

    private async Task<WampResult> CallWhenSpaceAsync(
        ValueTask space, string procedure, WampArguments? arguments, WampKeywordArguments? argumentsKw, CallOptions? options,
        CancellationToken cancellationToken, Dictionary<string, object?>? trace)
    {
        await space.ConfigureAwait(false);
        return await StartCall(procedure, arguments, argumentsKw, options, cancellationToken, trace).ConfigureAwait(false);
    }

    private Task<WampResult> StartCall(
        string procedure, WampArguments? arguments, WampKeywordArguments? argumentsKw, CallOptions? options, CancellationToken cancellationToken,
        Dictionary<string, object?>? trace)
    {
        var requestId = _ids.Next();
        var message = new CallMessage(requestId, Diagnostics.TraceContext.With(CallOptionsToWire(options, receiveProgress: false), trace), procedure, arguments, argumentsKw);
        var pending = new PendingRequest<WampResult>(WampMessageType.Result, "Call to", procedure, ToResult)
        {
            CancelOnAbandon = options?.CancelMode ?? WampCancelMode.KillNoWait,
        };
        return RequestAsync(requestId, message, pending, options?.Timeout ?? _options.DefaultCallTimeout, cancellationToken);
    }

    private static readonly Func<WampMessage, WampResult> ToResult = static reply =>
    {
        var result = (ResultMessage)reply;
        return new WampResult(result.Arguments, result.ArgumentsKw, result.Details);
    };

    /// <summary>
    /// Calls with <c>receive_progress</c>: yields each progressive result as it arrives, then the final result
    /// (<see cref="WampResult.IsProgress"/> false). Leaving the loop early cancels the call.
    /// </summary>
    public async IAsyncEnumerable<WampResult> StreamAsync(
        string procedure, WampArguments? arguments, WampKeywordArguments? argumentsKw, CallOptions? options,
        [EnumeratorCancellation] CancellationToken cancellationToken, Dictionary<string, object?>? trace = null)
    {
        await WaitForOutboundSpaceAsync(cancellationToken).ConfigureAwait(false);
        var requestId = _ids.Next();
        var results = Channel.CreateUnbounded<WampResult>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var message = new CallMessage(requestId, Diagnostics.TraceContext.With(CallOptionsToWire(options, receiveProgress: true), trace), procedure, arguments, argumentsKw);
        var pending = new PendingRequest<WampMessage>(WampMessageType.Result, "Call to", procedure, PendingRequest.Itself)
        {
            OnProgress = progress => results.Writer.TryWrite(new WampResult(progress.Arguments, progress.ArgumentsKw, progress.Details)),
            CancelOnAbandon = options?.CancelMode ?? WampCancelMode.KillNoWait,
        };
        var final = RequestAsync(requestId, message, pending, options?.Timeout ?? _options.DefaultCallTimeout, cancellationToken);
        _ = final.ContinueWith(
            static (task, state) =>
            {
                var writer = (ChannelWriter<WampResult>)state!;
                if (task.IsCompletedSuccessfully)
                {
                    var reply = (ResultMessage)task.Result;
                    writer.TryWrite(new WampResult(reply.Arguments, reply.ArgumentsKw, reply.Details));
                    writer.TryComplete();
                }
                else
                {
                    writer.TryComplete(task.Exception?.InnerException ?? new OperationCanceledException());
                }
            },
            results.Writer,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        try
        {
            while (await results.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                while (results.Reader.TryRead(out var result))
                {
                    yield return result;
                }
            }
        }
        finally
        {
            // Left before the final result (break, exception in the loop body): the call is abandoned and canceled.
            Abandon(requestId);
        }
    }

    private IReadOnlyDictionary<string, object?> CallOptionsToWire(CallOptions? options, bool receiveProgress) =>
        options is null
            ? receiveProgress ? ReceiveProgressOptions : WampDictionary.Empty
            : options.ToWire(_options.RouterTimeoutInSeconds, receiveProgress);

    private static readonly IReadOnlyDictionary<string, object?> ReceiveProgressOptions = new Dictionary<string, object?> { ["receive_progress"] = true };

    /// <summary>Sends CANCEL for a call given up, when the router announced call canceling; otherwise its late answer is just dropped.</summary>
    private void Cancel(long requestId, WampCancelMode mode)
    {
        if (DealerFeature("call_canceling"))
        {
            TrySend(new CancelMessage(requestId, mode == WampCancelMode.KillNoWait ? KillNoWaitOptions : new Dictionary<string, object?> { ["mode"] = mode.ToWire() }));
        }
    }

    private static readonly IReadOnlyDictionary<string, object?> KillNoWaitOptions = new Dictionary<string, object?> { ["mode"] = "killnowait" };

    private bool DealerFeature(string feature) =>
        WelcomeDetails.GetDictionary("roles").GetDictionary("dealer").GetDictionary("features").GetBoolean(feature) == true;
}
