namespace Wampy.Hosting;

/// <summary>One procedure or topic method of a handler class, as Wampy's source generator (or its start-up binder) describes it.</summary>
public sealed class WampHandlerMethodDescriptor
{
    /// <summary>Creates a descriptor.</summary>
    /// <param name="name">The method's name, for logs and errors.</param>
    /// <param name="procedure">The method's <see cref="WampProcedureAttribute"/>, or <see langword="null"/>.</param>
    /// <param name="topic">The method's <see cref="WampTopicAttribute"/>, or <see langword="null"/>.</param>
    /// <param name="returnsValue">Whether the method produces a value (it does not return void, Task or ValueTask).</param>
    /// <param name="invoke">Binds the parameters, calls the method and awaits it.</param>
    public WampHandlerMethodDescriptor(
        string name, WampProcedureAttribute? procedure, WampTopicAttribute? topic, bool returnsValue, WampHandlerInvoker invoke)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(invoke);
        if (procedure is null && topic is null)
        {
            throw new ArgumentException($"{name} needs a [WampProcedure] or a [WampTopic].", nameof(procedure));
        }

        Name = name;
        Procedure = procedure;
        Topic = topic;
        ReturnsValue = returnsValue;
        Invoke = invoke;
    }

    /// <summary>The method's name.</summary>
    public string Name { get; }

    /// <summary>The method's <see cref="WampProcedureAttribute"/>, or <see langword="null"/> for a topic handler.</summary>
    public WampProcedureAttribute? Procedure { get; }

    /// <summary>The method's <see cref="WampTopicAttribute"/>, or <see langword="null"/> for a procedure handler.</summary>
    public WampTopicAttribute? Topic { get; }

    /// <summary>Whether the method produces a value.</summary>
    public bool ReturnsValue { get; }

    /// <summary>Binds the parameters, calls the method and awaits it.</summary>
    public WampHandlerInvoker Invoke { get; }
}
