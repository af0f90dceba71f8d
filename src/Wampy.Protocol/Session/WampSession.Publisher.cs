using Wampy.Messages;
using Wampy.Payload;

namespace Wampy.Session;

internal sealed partial class WampSession
{
    public async Task<long?> PublishAsync(
        string topic, WampArguments? arguments, WampKeywordArguments? argumentsKw, PublishOptions? options, CancellationToken cancellationToken,
        Dictionary<string, object?>? trace = null)
    {
        await WaitForOutboundSpaceAsync(cancellationToken).ConfigureAwait(false);
        var requestId = _ids.Next();
        var message = new PublishMessage(requestId, Diagnostics.TraceContext.With(options?.ToWire() ?? WampDictionary.Empty, trace), topic, arguments, argumentsKw);
        if (options is not { Acknowledge: true })
        {
            Send(message);
            return null;
        }

        var pending = new PendingRequest<WampMessage>(WampMessageType.Published, "Publication to", topic, PendingRequest.Itself);
        var reply = (PublishedMessage)await RequestAsync(requestId, message, pending, null, cancellationToken).ConfigureAwait(false);
        return reply.PublicationId;
    }
}
