using Wampy.Diagnostics;
using Wampy.Messages;
using Wampy.Payload;

namespace Wampy.Session;

/// <summary>
/// WAMP-level liveness for transports without a keep-alive the router understands (RawSocket to Crossbar.io):
/// after <see cref="WampHeartbeatOptions.Interval"/> without any frame from the router the session CALLs
/// <c>wamp.session.get</c> with its own id, which every router answers (a RESULT, or an ERROR such as
/// <c>no_such_procedure</c> or <c>not_authorized</c>); no frame at all within <see cref="WampHeartbeatOptions.Timeout"/>
/// ends the session as lost.
/// </summary>
internal sealed partial class WampSession
{
    private const string ProbeProcedure = "wamp.session.get";
    private ITimer? _heartbeat;
    private long _lastReceived;
    private long _probeSentAt;

    private void StartHeartbeat()
    {
        if (_context.ProbeInterval <= TimeSpan.Zero)
        {
            return;
        }

        _lastReceived = _time.GetTimestamp();
        _heartbeat = _time.CreateTimer(static state => ((WampSession)state!).OnHeartbeat(), this, _context.ProbeInterval, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Called by the receive loop for every frame: the router is alive.</summary>
    private void MarkReceived()
    {
        if (_heartbeat is not null)
        {
            Volatile.Write(ref _lastReceived, _time.GetTimestamp());
        }
    }

    private void OnHeartbeat()
    {
        if (IsTerminated)
        {
            return;
        }

        var interval = _context.ProbeInterval;
        var lastReceived = Volatile.Read(ref _lastReceived);
        if (_probeSentAt != 0)
        {
            if (lastReceived < _probeSentAt)
            {
                Log.HeartbeatMissed(_logger, _options.Url!, _options.Heartbeat.Timeout);
                Terminate(
                    "wampy.close.heartbeat_missed",
                    $"The router sent nothing within {_options.Heartbeat.Timeout} of a heartbeat probe.",
                    closedByClient: false,
                    new WampConnectionLostException("Missed heartbeat."));
                return;
            }

            _probeSentAt = 0;
        }

        var idle = _time.GetElapsedTime(lastReceived);
        if (idle < interval)
        {
            _heartbeat?.Change(interval - idle, Timeout.InfiniteTimeSpan);
            return;
        }

        _probeSentAt = _time.GetTimestamp();
        SendProbe();
        _heartbeat?.Change(_options.Heartbeat.Timeout, Timeout.InfiniteTimeSpan);
    }

    private void SendProbe()
    {
        var requestId = _ids.Next();
        var pending = new PendingRequest<WampMessage>(WampMessageType.Result, "Heartbeat probe", ProbeProcedure, PendingRequest.Itself);
        // Its outcome does not matter (any frame proves the router alive); observe it so that no error goes unobserved.
        _ = pending.Task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        _pending.Add(requestId, pending);
        try
        {
            Send(new CallMessage(requestId, WampDictionary.Empty, ProbeProcedure, WampArguments.From(SessionId), null));
        }
        catch (WampConnectionException)
        {
            _pending.TryRemove(requestId, out _);
        }
    }

    private void StopHeartbeat() => _heartbeat?.Dispose();
}
