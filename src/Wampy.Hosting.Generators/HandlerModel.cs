using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Wampy.Hosting.Generators;

/// <summary>A handler class the generator describes: its URI prefix and bindable methods.</summary>
internal sealed class HandlerClass(INamedTypeSymbol type, AttributeData? uriPrefix, List<HandlerMethod> methods)
{
    public INamedTypeSymbol Type { get; } = type;

    public AttributeData? UriPrefix { get; } = uriPrefix;

    public List<HandlerMethod> Methods { get; } = methods;
}

/// <summary>One procedure or topic method: how each parameter binds and how its result is awaited.</summary>
internal sealed class HandlerMethod(IMethodSymbol method, AttributeData? procedure, AttributeData? topic, string uri, int match, List<HandlerParameter> parameters, ReturnKind returns, ITypeSymbol? resultType)
{
    public IMethodSymbol Method { get; } = method;

    public AttributeData? Procedure { get; } = procedure;

    public AttributeData? Topic { get; } = topic;

    public string Uri { get; } = uri;

    public int Match { get; } = match;

    public List<HandlerParameter> Parameters { get; } = parameters;

    public ReturnKind Returns { get; } = returns;

    /// <summary>The T of Task&lt;T&gt;, ValueTask&lt;T&gt; or IAsyncEnumerable&lt;T&gt;.</summary>
    public ITypeSymbol? ResultType { get; } = resultType;

    public int DataParameterCount
    {
        get
        {
            var count = 0;
            foreach (var parameter in Parameters)
            {
                if (parameter.Kind == ParameterKind.Data)
                {
                    count++;
                }
            }

            return count;
        }
    }
}

/// <summary>One parameter: a WAMP argument, or something Wampy fills in.</summary>
internal sealed class HandlerParameter(IParameterSymbol symbol, ParameterKind kind, ITypeSymbol? progressType)
{
    public IParameterSymbol Symbol { get; } = symbol;

    public ParameterKind Kind { get; } = kind;

    /// <summary>The T of IProgress&lt;T&gt;.</summary>
    public ITypeSymbol? ProgressType { get; } = progressType;
}

internal enum ParameterKind
{
    Data,
    CancellationToken,
    Invocation,
    Event,
    Progress,
}

internal enum ReturnKind
{
    Void,
    Value,
    Task,
    TaskOfT,
    ValueTask,
    ValueTaskOfT,
    AsyncEnumerable,
}
