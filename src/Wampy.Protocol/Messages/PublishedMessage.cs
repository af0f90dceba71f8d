namespace Wampy.Messages;

/// <summary>PUBLISHED: The broker acknowledges a publication: <c>[PUBLISHED, PUBLISH.Request|id, Publication|id]</c>.</summary>
/// <param name="RequestId">The id of the PUBLISH request.</param>
/// <param name="PublicationId">The publication id.</param>
public sealed record PublishedMessage(
    long RequestId,
    long PublicationId) : WampMessage
{
    /// <inheritdoc />
    public override WampMessageType MessageType => WampMessageType.Published;
}
