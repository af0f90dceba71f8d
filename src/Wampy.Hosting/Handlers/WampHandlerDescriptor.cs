using System.Diagnostics.CodeAnalysis;

namespace Wampy.Hosting;

/// <summary>
/// A handler class and its procedure and topic methods. Wampy's source generator (shipped in the Wampy.Hosting
/// package) writes one per handler class at compile time, and <c>AddWampyHandlers()</c> registers them: binding and
/// invocation then use no reflection. Handler classes added with <c>AddHandler</c> are described at start-up instead.
/// </summary>
public sealed class WampHandlerDescriptor
{
    /// <summary>Creates a descriptor.</summary>
    /// <param name="handlerType">The handler class, resolved from DI for every invocation or event.</param>
    /// <param name="uriPrefix">The class's <see cref="WampUriPrefixAttribute"/>, or <see langword="null"/>.</param>
    /// <param name="methods">Its procedure and topic methods.</param>
    public WampHandlerDescriptor(
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] Type handlerType,
        WampUriPrefixAttribute? uriPrefix,
        IReadOnlyList<WampHandlerMethodDescriptor> methods)
    {
        ArgumentNullException.ThrowIfNull(handlerType);
        ArgumentNullException.ThrowIfNull(methods);
        HandlerType = handlerType;
        UriPrefix = uriPrefix;
        Methods = methods;
    }

    /// <summary>The handler class.</summary>
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)]
    public Type HandlerType { get; }

    /// <summary>The class's URI prefix, or <see langword="null"/>.</summary>
    public WampUriPrefixAttribute? UriPrefix { get; }

    /// <summary>The procedure and topic methods.</summary>
    public IReadOnlyList<WampHandlerMethodDescriptor> Methods { get; }
}
