using Wampy.Payload;

namespace Wampy.Messages;

/// <summary>INVOCATION: The dealer asks a callee to run a procedure: <c>[INVOCATION, Request|id, REGISTERED.Registration|id, Details|dict, Arguments|list, ArgumentsKw|dict]</c>.</summary>
/// <param name="RequestId">The invocation request id (answer with YIELD or ERROR).</param>
/// <param name="RegistrationId">The registration invoked.</param>
/// <param name="Details">Invocation details (caller, procedure, receive_progress, ...).</param>
/// <param name="Arguments">Positional arguments, or <see langword="null"/>.</param>
/// <param name="ArgumentsKw">Keyword arguments, or <see langword="null"/>.</param>
public sealed record InvocationMessage(
    long RequestId,
    long RegistrationId,
    IReadOnlyDictionary<string, object?> Details,
    WampArguments? Arguments = null,
    WampKeywordArguments? ArgumentsKw = null) : WampMessage, IWampPayloadMessage
{
    /// <inheritdoc />
    public override WampMessageType MessageType => WampMessageType.Invocation;

    /// <inheritdoc />
    public byte[]? Payload { get; init; }
}
