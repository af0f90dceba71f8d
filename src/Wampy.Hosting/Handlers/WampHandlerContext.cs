using Wampy.Payload;

namespace Wampy.Hosting;

/// <summary>
/// What a handler method's parameters bind from: one invocation or one event. Handler code never sees it; the
/// binding code does, whether Wampy generated it at compile time or planned it at start-up.
/// </summary>
public readonly struct WampHandlerContext
{
    /// <summary>Creates a context.</summary>
    /// <param name="arguments">The positional arguments.</param>
    /// <param name="argumentsKw">The keyword arguments.</param>
    /// <param name="invocation">The invocation, for a procedure handler.</param>
    /// <param name="event">The event, for a topic handler.</param>
    /// <param name="cancellationToken">Canceled when the caller cancels or the service stops.</param>
    public WampHandlerContext(
        WampArguments arguments, WampKeywordArguments argumentsKw, WampInvocation? invocation, WampEvent? @event, CancellationToken cancellationToken)
    {
        Arguments = arguments;
        ArgumentsKw = argumentsKw;
        Invocation = invocation;
        Event = @event;
        CancellationToken = cancellationToken;
    }

    /// <summary>The positional arguments.</summary>
    public WampArguments Arguments { get; }

    /// <summary>The keyword arguments.</summary>
    public WampKeywordArguments ArgumentsKw { get; }

    /// <summary>The invocation, for a procedure handler; <see langword="null"/> for a topic handler.</summary>
    public WampInvocation? Invocation { get; }

    /// <summary>The event, for a topic handler; <see langword="null"/> for a procedure handler.</summary>
    public WampEvent? Event { get; }

    /// <summary>Canceled when the caller cancels or the service stops.</summary>
    public CancellationToken CancellationToken { get; }
}
