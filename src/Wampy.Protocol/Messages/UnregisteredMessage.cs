namespace Wampy.Messages;

/// <summary>UNREGISTERED: The dealer confirms an unregistration, or revokes a registration (request id 0 and details): <c>[UNREGISTERED, UNREGISTER.Request|id, Details|dict]</c>.</summary>
/// <param name="RequestId">The id of the UNREGISTER request, or 0 for a revocation.</param>
/// <param name="Details">Revocation details (registration, reason), or <see langword="null"/> when absent.</param>
public sealed record UnregisteredMessage(
    long RequestId,
    IReadOnlyDictionary<string, object?>? Details = null) : WampMessage
{
    /// <inheritdoc />
    public override WampMessageType MessageType => WampMessageType.Unregistered;
}
