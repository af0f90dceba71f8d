using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wampy.Hosting.Handlers;

namespace Wampy.Hosting;

/// <summary>Handler classes, options and resilience for an <see cref="IWampyBuilder"/>.</summary>
public static class WampyBuilderExtensions
{
    /// <summary>
    /// Adds a handler class: its methods with <see cref="WampProcedureAttribute"/> or <see cref="WampTopicAttribute"/>
    /// are registered or subscribed after every join. The class is resolved from a new DI scope for each
    /// invocation or event (registered scoped unless already registered).
    /// </summary>
    /// <remarks>
    /// The class is bound at start-up through reflection. Under trimming or Native AOT, use the handlers Wampy's
    /// source generator describes at compile time instead: <c>AddWampyHandlers()</c>.
    /// </remarks>
    /// <typeparam name="THandler">The handler class.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    [RequiresUnreferencedCode(RuntimeHandlerBinder.Requirements)]
    [RequiresDynamicCode(RuntimeHandlerBinder.Requirements)]
    public static IWampyBuilder AddHandler<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(this IWampyBuilder builder)
        where THandler : class => builder.AddHandler(typeof(THandler));

    /// <summary>Adds a handler class (see <see cref="AddHandler{THandler}"/>).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="handlerType">The handler class.</param>
    /// <returns>The builder.</returns>
    [RequiresUnreferencedCode(RuntimeHandlerBinder.Requirements)]
    [RequiresDynamicCode(RuntimeHandlerBinder.Requirements)]
    public static IWampyBuilder AddHandler(
        this IWampyBuilder builder, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] Type handlerType)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(handlerType);
        builder.Services.TryAddScoped(handlerType);
        builder.Services.AddSingleton(new WampHandlerRegistration(handlerType));
        return builder;
    }

    /// <summary>Adds every concrete class of <paramref name="assembly"/> that has a procedure or topic method.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="assembly">The assembly to scan, e.g. <c>typeof(Program).Assembly</c>.</param>
    /// <returns>The builder.</returns>
    [RequiresUnreferencedCode(RuntimeHandlerBinder.Requirements)]
    [RequiresDynamicCode(RuntimeHandlerBinder.Requirements)]
    public static IWampyBuilder AddHandlersFromAssembly(this IWampyBuilder builder, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(assembly);
        foreach (var type in assembly.GetTypes())
        {
            if (RuntimeHandlerBinder.IsHandlerType(type))
            {
                builder.AddHandler(type);
            }
        }

        return builder;
    }

    /// <summary>
    /// Adds a handler class described at compile time by Wampy's source generator: binding and invocation use no
    /// reflection, so it works under trimming and Native AOT. The generated <c>AddWampyHandlers()</c> calls this for
    /// every handler class of the project; call it yourself to add only some of them.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="descriptor">The class's description, from <c>WampyGeneratedHandlers.All</c>.</param>
    /// <returns>The builder.</returns>
    public static IWampyBuilder AddHandler(this IWampyBuilder builder, WampHandlerDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(descriptor);
        builder.Services.TryAddScoped(descriptor.HandlerType);
        builder.Services.AddSingleton(new WampHandlerRegistration(descriptor.HandlerType, descriptor));
        return builder;
    }

    /// <summary>
    /// Binds application payload types through <paramref name="resolver"/>, usually a source-generated
    /// <see cref="System.Text.Json.Serialization.JsonSerializerContext"/> (<c>MyJsonContext.Default</c>); sets
    /// <see cref="WampClientOptions.JsonTypeInfoResolver"/>. Required under trimming and Native AOT for every
    /// application type that handlers take or return, or that the application calls and publishes with.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="resolver">The application's JSON contracts.</param>
    /// <returns>The builder.</returns>
    public static IWampyBuilder AddJsonTypeInfoResolver(this IWampyBuilder builder, System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(resolver);
        builder.Services.Configure<WampyOptions>(o => o.JsonTypeInfoResolver = o.JsonTypeInfoResolver is null
            ? resolver
            : System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine(o.JsonTypeInfoResolver, resolver));
        return builder;
    }

    /// <summary>Adjusts the options in code (after configuration binding).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Changes the options.</param>
    /// <returns>The builder.</returns>
    public static IWampyBuilder Configure(this IWampyBuilder builder, Action<WampyOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>Replaces the reconnect pipeline (default: exponential backoff with jitter from <c>Wampy:Reconnect</c>); sets <see cref="WampReconnectOptions.Pipeline"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="pipeline">Creates the pipeline; it should let <see cref="OperationCanceledException"/> through.</param>
    /// <returns>The builder.</returns>
    public static IWampyBuilder UseReconnectPipeline(this IWampyBuilder builder, Func<Polly.ResiliencePipeline> pipeline)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(pipeline);
        builder.Services.Configure<WampyOptions>(o => o.Reconnect.Pipeline = pipeline());
        return builder;
    }
}
