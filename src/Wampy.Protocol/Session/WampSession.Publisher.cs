using Wampy.Messages;
using Wampy.Payload;

namespace Wampy.Session;

internal sealed partial class WampSession
{
    public async Task<long?> PublishAsync(
        string topic, WampArguments? arguments, WampKeywordArguments? argumentsKw, PublishOptions? options, CancellationToken cancellationToken)
    {
        var requestId = _ids.Next();
        var message = new PublishMessage(requestId, BuildOptions(options), topic, arguments, argumentsKw);
        if (options is not { Acknowledge: true })
        {
            Send(message);
            return null;
        }

        var pending = new PendingRequest(WampMessageType.Published, "Publication to", topic);
        var reply = (PublishedMessage)await RequestAsync(requestId, message, pending, null, cancellationToken).ConfigureAwait(false);
        return reply.PublicationId;
    }

    private static IReadOnlyDictionary<string, object?> BuildOptions(PublishOptions? options)
    {
        if (options is null || (!options.Acknowledge && options.ExcludeMe is null && options.AdditionalOptions is null))
        {
            return WampDictionary.Empty;
        }

        var result = new Dictionary<string, object?>();
        if (options.AdditionalOptions is not null)
        {
            foreach (var (key, value) in options.AdditionalOptions)
            {
                result[key] = value;
            }
        }

        if (options.Acknowledge)
        {
            result["acknowledge"] = true;
        }

        if (options.ExcludeMe is { } excludeMe)
        {
            result["exclude_me"] = excludeMe;
        }

        return result;
    }
}
