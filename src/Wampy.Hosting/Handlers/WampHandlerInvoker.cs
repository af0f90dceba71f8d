namespace Wampy.Hosting;

/// <summary>
/// Binds a handler method's parameters from <paramref name="context"/>, calls it on <paramref name="handler"/> and
/// awaits what it returns: the method's result (boxed), or <see langword="null"/> for a method without one.
/// </summary>
/// <param name="handler">The handler class instance, resolved from the invocation's DI scope.</param>
/// <param name="context">What the parameters bind from.</param>
public delegate ValueTask<object?> WampHandlerInvoker(object handler, WampHandlerContext context);
