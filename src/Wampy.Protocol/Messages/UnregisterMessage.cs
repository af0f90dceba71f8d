namespace Wampy.Messages;

/// <summary>UNREGISTER: A callee withdraws a procedure: <c>[UNREGISTER, Request|id, REGISTERED.Registration|id]</c>.</summary>
/// <param name="RequestId">The request id.</param>
/// <param name="RegistrationId">The registration to withdraw.</param>
public sealed record UnregisterMessage(
    long RequestId,
    long RegistrationId) : WampMessage
{
    /// <inheritdoc />
    public override WampMessageType MessageType => WampMessageType.Unregister;
}
