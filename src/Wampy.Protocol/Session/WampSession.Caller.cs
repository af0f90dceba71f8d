using Wampy.Messages;
using Wampy.Payload;

namespace Wampy.Session;

internal sealed partial class WampSession
{
    public async Task<WampResult> CallAsync(
        string procedure, WampArguments? arguments, WampKeywordArguments? argumentsKw, CallOptions? options, CancellationToken cancellationToken)
    {
        var requestId = _ids.Next();
        var message = new CallMessage(requestId, options?.AdditionalOptions ?? WampDictionary.Empty, procedure, arguments, argumentsKw);
        var pending = new PendingRequest(WampMessageType.Result, "Call to", procedure);
        var reply = (ResultMessage)await RequestAsync(
            requestId, message, pending, options?.Timeout ?? _options.DefaultCallTimeout, cancellationToken).ConfigureAwait(false);
        return new WampResult(reply.Arguments, reply.ArgumentsKw, reply.Details);
    }
}
