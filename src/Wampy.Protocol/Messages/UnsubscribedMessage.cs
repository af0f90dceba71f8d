namespace Wampy.Messages;

/// <summary>UNSUBSCRIBED: The broker confirms an unsubscription, or revokes a subscription (request id 0 and details): <c>[UNSUBSCRIBED, UNSUBSCRIBE.Request|id, Details|dict]</c>.</summary>
/// <param name="RequestId">The id of the UNSUBSCRIBE request, or 0 for a revocation.</param>
/// <param name="Details">Revocation details (subscription, reason), or <see langword="null"/> when absent.</param>
public sealed record UnsubscribedMessage(
    long RequestId,
    IReadOnlyDictionary<string, object?>? Details = null) : WampMessage
{
    /// <inheritdoc />
    public override WampMessageType MessageType => WampMessageType.Unsubscribed;
}
