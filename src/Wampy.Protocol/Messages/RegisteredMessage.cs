namespace Wampy.Messages;

/// <summary>REGISTERED: The dealer confirms a registration: <c>[REGISTERED, REGISTER.Request|id, Registration|id]</c>.</summary>
/// <param name="RequestId">The id of the REGISTER request.</param>
/// <param name="RegistrationId">The registration id.</param>
public sealed record RegisteredMessage(
    long RequestId,
    long RegistrationId) : WampMessage
{
    /// <inheritdoc />
    public override WampMessageType MessageType => WampMessageType.Registered;
}
