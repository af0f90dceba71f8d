using Wampy.Messages;
using Wampy.Payload;

namespace Wampy;

/// <summary>One call of a registered procedure, as a callee handler sees it.</summary>
public sealed class WampInvocation
{
    private static readonly IReadOnlyDictionary<string, object?> ProgressOptions = new Dictionary<string, object?> { ["progress"] = true };
    private readonly Action<WampMessage>? _send;
    private volatile bool _answered;

    internal WampInvocation(InvocationMessage message, string registeredProcedure, Action<WampMessage>? send = null)
    {
        _send = send;
        RequestId = message.RequestId;
        RegistrationId = message.RegistrationId;
        Details = message.Details;
        Arguments = message.Arguments ?? WampArguments.Empty;
        ArgumentsKw = message.ArgumentsKw ?? WampKeywordArguments.Empty;
        Procedure = message.Details.GetString("procedure") ?? registeredProcedure;
    }

    /// <summary>The INVOCATION request id.</summary>
    public long RequestId { get; }

    /// <summary>The registration invoked.</summary>
    public long RegistrationId { get; }

    /// <summary>The procedure called (the actual URI when the registration is a pattern and the router says so).</summary>
    public string Procedure { get; }

    /// <summary>Positional arguments (empty when there are none).</summary>
    public WampArguments Arguments { get; }

    /// <summary>Keyword arguments (empty when there are none).</summary>
    public WampKeywordArguments ArgumentsKw { get; }

    /// <summary>INVOCATION details as sent by the router.</summary>
    public IReadOnlyDictionary<string, object?> Details { get; }

    /// <summary>The caller's session id, when the router discloses it.</summary>
    public long? CallerSessionId => Details.GetInt64("caller");

    /// <summary>The caller's authid, when the router discloses it.</summary>
    public string? CallerAuthId => Details.GetString("caller_authid");

    /// <summary>The caller's authrole, when the router discloses it.</summary>
    public string? CallerAuthRole => Details.GetString("caller_authrole");

    /// <summary>Whether the caller asked for progressive results (details <c>receive_progress</c>).</summary>
    public bool ReceiveProgress => Details.GetBoolean("receive_progress") == true;

    /// <summary>
    /// Sends a progressive result to the caller ahead of the handler's final result, when the caller asked for
    /// progress (<see cref="ReceiveProgress"/>); otherwise does nothing. Progress is delivered in the order reported.
    /// </summary>
    /// <param name="progress">The progressive result.</param>
    /// <exception cref="InvalidOperationException">The invocation was already answered: progress must come before the final result.</exception>
    public void ReportProgress(WampResult progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (_answered)
        {
            throw new InvalidOperationException($"The invocation of '{Procedure}' was already answered: report progress before returning the final result.");
        }

        if (ReceiveProgress && _send is not null)
        {
            _send(new YieldMessage(RequestId, ProgressOptions, progress.Arguments, progress.ArgumentsKw));
        }
    }

    /// <summary>Marks the invocation answered: later progress would reach the router after the final YIELD.</summary>
    internal void MarkAnswered() => _answered = true;
}
