using Wampy.Payload;

namespace Wampy.Hosting.Handlers;

/// <summary>What a handler method's parameters bind from: one invocation or one event.</summary>
internal readonly struct HandlerContext(
    WampArguments arguments, WampKeywordArguments argumentsKw, WampInvocation? invocation, WampEvent? @event, CancellationToken cancellationToken)
{
    public WampArguments Arguments => arguments;

    public WampKeywordArguments ArgumentsKw => argumentsKw;

    public WampInvocation? Invocation => invocation;

    public WampEvent? Event => @event;

    public CancellationToken CancellationToken => cancellationToken;
}
