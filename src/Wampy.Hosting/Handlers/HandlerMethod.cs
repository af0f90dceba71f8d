namespace Wampy.Hosting.Handlers;

/// <summary>One handler class method bound to a procedure or a topic, ready to run: its URI, options and invoker.</summary>
internal sealed class HandlerMethod(Type handlerType, string methodName, string uri, bool isTopic, bool returnsValue, WampHandlerInvoker invoke)
{
    public Type HandlerType { get; } = handlerType;

    /// <summary>The procedure or topic URI.</summary>
    public string Uri { get; } = uri;

    public bool IsTopic { get; } = isTopic;

    /// <summary>The REGISTER options from <see cref="WampProcedureAttribute"/>; <see langword="null"/> for topics.</summary>
    public RegisterOptions? RegisterOptions { get; init; }

    /// <summary>The SUBSCRIBE options from <see cref="WampTopicAttribute"/>; <see langword="null"/> for procedures.</summary>
    public SubscribeOptions? SubscribeOptions { get; init; }

    /// <summary>Whether the method produces a value (not void, Task or ValueTask).</summary>
    public bool ReturnsValue { get; } = returnsValue;

    /// <summary>"Class.Method", for logs and errors.</summary>
    public string DisplayName { get; } = $"{handlerType.Name}.{methodName}";

    /// <summary>Binds the parameters, calls the method on <paramref name="target"/> and awaits what it returns.</summary>
    public ValueTask<object?> InvokeAsync(object target, in WampHandlerContext context) => invoke(target, context);
}
