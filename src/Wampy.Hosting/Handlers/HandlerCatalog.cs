using System.Diagnostics.CodeAnalysis;

namespace Wampy.Hosting.Handlers;

/// <summary>
/// Every procedure and topic handler method of the registered handler classes, checked at start-up: each method
/// bindable, each procedure claimed once. Classes come described, by Wampy's source generator or by the start-up
/// binder; both go through the same checks here.
/// </summary>
internal sealed class HandlerCatalog
{
    public HandlerCatalog(IEnumerable<WampHandlerRegistration> registrations, bool strictUris, WampInvocationPolicy defaultInvoke = WampInvocationPolicy.Single)
    {
        var procedures = new Dictionary<string, HandlerMethod>(StringComparer.Ordinal);
        var topics = new List<HandlerMethod>();
        foreach (var registration in registrations.DistinctBy(r => r.HandlerType))
        {
            var descriptor = registration.Descriptor ?? DescribeAtStartup(registration);
            if (descriptor.Methods.Count == 0)
            {
                throw new InvalidOperationException(
                    $"{descriptor.HandlerType.Name} was added as a WAMP handler but has no public method with [WampProcedure] or [WampTopic].");
            }

            foreach (var method in descriptor.Methods)
            {
                var handler = Create(descriptor, method, strictUris, defaultInvoke);
                if (handler.IsTopic)
                {
                    topics.Add(handler);
                }
                else if (!procedures.TryAdd($"{handler.Uri} {handler.RegisterOptions!.Match.ToWire()}", handler))
                {
                    throw new InvalidOperationException(
                        $"Procedure '{handler.Uri}' is claimed twice: by {procedures[$"{handler.Uri} {handler.RegisterOptions!.Match.ToWire()}"].DisplayName} and by {handler.DisplayName}. A procedure has one handler.");
                }
            }
        }

        Procedures = [.. procedures.Values];
        Topics = [.. topics];
    }

    public IReadOnlyList<HandlerMethod> Procedures { get; }

    public IReadOnlyList<HandlerMethod> Topics { get; }

    /// <summary>The full URI of a handler method: the class prefix, if any, and the attribute's URI.</summary>
    public static string UriOf(WampUriPrefixAttribute? prefix, WampProcedureAttribute? procedure, WampTopicAttribute? topic)
    {
        var relative = procedure?.Procedure ?? topic!.Topic;
        return prefix is null ? relative : prefix.Combine(relative);
    }

    // Registrations without a descriptor come only from AddHandler and AddHandlersFromAssembly, which carry
    // RequiresUnreferencedCode and RequiresDynamicCode: the application was warned where it registered them.
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Reached only for registrations made through AddHandler, which requires unreferenced code.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Reached only for registrations made through AddHandler, which requires dynamic code.")]
    private static WampHandlerDescriptor DescribeAtStartup(WampHandlerRegistration registration) =>
        RuntimeHandlerBinder.Describe(registration.HandlerType);

    private static HandlerMethod Create(WampHandlerDescriptor descriptor, WampHandlerMethodDescriptor method, bool strictUris, WampInvocationPolicy defaultInvoke)
    {
        var type = descriptor.HandlerType;
        var procedure = method.Procedure;
        var topic = method.Topic;
        if (procedure is not null && topic is not null)
        {
            throw new InvalidOperationException($"{type.Name}.{method.Name} has both [WampProcedure] and [WampTopic]; choose one.");
        }

        var uri = UriOf(descriptor.UriPrefix, procedure, topic);
        var match = procedure?.UriMatch ?? topic!.UriMatch;
        if (WampUri.Explain(uri, match, strictUris) is { } problem)
        {
            throw new InvalidOperationException(
                $"{type.Name}.{method.Name}: '{uri}' is not a valid WAMP URI{(strictUris ? " (strict rules)" : string.Empty)} for {match.ToWire()} matching: {problem}.");
        }

        return new HandlerMethod(type, method.Name, uri, isTopic: topic is not null, method.ReturnsValue, method.Invoke)
        {
            RegisterOptions = procedure is null ? null : new RegisterOptions { Match = match, Invoke = procedure.ExplicitInvoke ?? defaultInvoke, DiscloseCaller = procedure.DiscloseCaller },
            SubscribeOptions = topic is null ? null : new SubscribeOptions { Match = match, GetRetained = topic.GetRetained },
        };
    }
}
