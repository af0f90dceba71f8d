namespace Wampy.Hosting.Handlers;

/// <summary>Marks a handler class added with <c>AddHandler</c> or assembly scanning; collected from DI at start-up.</summary>
/// <param name="HandlerType">The handler class.</param>
internal sealed record WampHandlerRegistration(Type HandlerType);
