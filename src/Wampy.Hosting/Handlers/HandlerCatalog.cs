using System.Reflection;

namespace Wampy.Hosting.Handlers;

/// <summary>
/// Every procedure and topic handler method of the registered handler classes, checked at start-up: each method
/// bindable, each procedure claimed once.
/// </summary>
internal sealed class HandlerCatalog
{
    public HandlerCatalog(IEnumerable<WampHandlerRegistration> registrations, bool strictUris, WampInvocationPolicy defaultInvoke = WampInvocationPolicy.Single)
    {
        var procedures = new Dictionary<string, HandlerMethod>(StringComparer.Ordinal);
        var topics = new List<HandlerMethod>();
        foreach (var type in registrations.Select(r => r.HandlerType).Distinct())
        {
            var found = 0;
            foreach (var method in FindMethods(type))
            {
                found++;
                var handler = Create(type, method, strictUris, defaultInvoke);
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

            if (found == 0)
            {
                throw new InvalidOperationException(
                    $"{type.Name} was added as a WAMP handler but has no public method with [WampProcedure] or [WampTopic].");
            }
        }

        Procedures = [.. procedures.Values];
        Topics = [.. topics];
    }

    public IReadOnlyList<HandlerMethod> Procedures { get; }

    public IReadOnlyList<HandlerMethod> Topics { get; }

    /// <summary>Whether <paramref name="type"/> is a concrete class with at least one handler method.</summary>
    public static bool IsHandlerType(Type type) =>
        type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && FindMethods(type).Any();

    private static IEnumerable<MethodInfo> FindMethods(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Where(m => m.IsDefined(typeof(WampProcedureAttribute), inherit: true) || m.IsDefined(typeof(WampTopicAttribute), inherit: true));

    private static HandlerMethod Create(Type type, MethodInfo method, bool strictUris, WampInvocationPolicy defaultInvoke)
    {
        var procedure = method.GetCustomAttribute<WampProcedureAttribute>(inherit: true);
        var topic = method.GetCustomAttribute<WampTopicAttribute>(inherit: true);
        if (procedure is not null && topic is not null)
        {
            throw new InvalidOperationException($"{type.Name}.{method.Name} has both [WampProcedure] and [WampTopic]; choose one.");
        }

        var relative = procedure?.Procedure ?? topic!.Topic;
        var uri = type.GetCustomAttribute<WampUriPrefixAttribute>(inherit: true) is { } prefix ? prefix.Combine(relative) : relative;
        var match = procedure?.UriMatch ?? topic!.UriMatch;
        if (WampUri.Explain(uri, match, strictUris) is { } problem)
        {
            throw new InvalidOperationException(
                $"{type.Name}.{method.Name}: '{uri}' is not a valid WAMP URI{(strictUris ? " (strict rules)" : string.Empty)} for {match.ToWire()} matching: {problem}.");
        }

        var handler = HandlerMethod.Create(type, method, uri, isTopic: topic is not null);
        handler.RegisterOptions = procedure is null ? null : new RegisterOptions { Match = match, Invoke = procedure.ExplicitInvoke ?? defaultInvoke, DiscloseCaller = procedure.DiscloseCaller };
        handler.SubscribeOptions = topic is null ? null : new SubscribeOptions { Match = match, GetRetained = topic.GetRetained };
        return handler;
    }
}
