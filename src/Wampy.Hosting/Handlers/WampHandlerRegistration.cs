using System.Diagnostics.CodeAnalysis;

namespace Wampy.Hosting.Handlers;

/// <summary>
/// Marks a handler class added with <c>AddHandler</c>, assembly scanning or <c>AddWampyHandlers()</c>; collected
/// from DI at start-up. <see cref="Descriptor"/> is the compile-time description when the source generator wrote one.
/// </summary>
internal sealed class WampHandlerRegistration(
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] Type handlerType,
    WampHandlerDescriptor? descriptor = null)
{
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)]
    public Type HandlerType { get; } = handlerType;

    public WampHandlerDescriptor? Descriptor { get; } = descriptor;
}
