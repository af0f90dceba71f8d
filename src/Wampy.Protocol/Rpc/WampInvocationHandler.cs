namespace Wampy;

/// <summary>Runs a registered procedure. Throw <see cref="WampException"/> to answer with a specific error URI.</summary>
/// <param name="invocation">The call: arguments, keyword arguments and details.</param>
/// <param name="cancellationToken">Cancelled when the router interrupts the call or the session ends.</param>
/// <returns>The result to send back.</returns>
public delegate ValueTask<WampResult> WampInvocationHandler(WampInvocation invocation, CancellationToken cancellationToken);
