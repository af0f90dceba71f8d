using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Wampy.Hosting.Generators;

/// <summary>
/// Reads handler classes the way the start-up binder reads them with reflection (public methods, inherited
/// attributes, the class's URI prefix) and reports what the binder would refuse at start-up as diagnostics.
/// </summary>
internal sealed class HandlerAnalyzer
{
    private readonly Compilation _compilation;
    private readonly INamedTypeSymbol _procedure;
    private readonly INamedTypeSymbol _topic;
    private readonly INamedTypeSymbol? _prefix;
    private readonly INamedTypeSymbol? _invocation;
    private readonly INamedTypeSymbol? _event;
    private readonly INamedTypeSymbol? _cancellationToken;
    private readonly INamedTypeSymbol? _progress;
    private readonly INamedTypeSymbol? _task;
    private readonly INamedTypeSymbol? _taskOfT;
    private readonly INamedTypeSymbol? _valueTask;
    private readonly INamedTypeSymbol? _valueTaskOfT;
    private readonly INamedTypeSymbol? _asyncEnumerable;
    private readonly List<Diagnostic> _diagnostics = [];

    private HandlerAnalyzer(Compilation compilation, INamedTypeSymbol procedure, INamedTypeSymbol topic)
    {
        _compilation = compilation;
        _procedure = procedure;
        _topic = topic;
        _prefix = compilation.GetTypeByMetadataName("Wampy.WampUriPrefixAttribute");
        _invocation = compilation.GetTypeByMetadataName("Wampy.WampInvocation");
        _event = compilation.GetTypeByMetadataName("Wampy.WampEvent");
        _cancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
        _progress = compilation.GetTypeByMetadataName("System.IProgress`1");
        _task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        _taskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        _valueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
        _valueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
        _asyncEnumerable = compilation.GetTypeByMetadataName("System.Collections.Generic.IAsyncEnumerable`1");
    }

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    /// <summary>The analyzer for <paramref name="compilation"/>, or <see langword="null"/> when it does not reference Wampy.Hosting.</summary>
    public static HandlerAnalyzer? For(Compilation compilation)
    {
        var procedure = compilation.GetTypeByMetadataName("Wampy.WampProcedureAttribute");
        var topic = compilation.GetTypeByMetadataName("Wampy.WampTopicAttribute");
        return procedure is null || topic is null || compilation.GetTypeByMetadataName("Wampy.Hosting.WampHandlerDescriptor") is null
            ? null
            : new HandlerAnalyzer(compilation, procedure, topic);
    }

    public List<HandlerClass> Analyze(IEnumerable<INamedTypeSymbol> candidates)
    {
        var classes = new List<HandlerClass>();
        var procedures = new Dictionary<string, string>();
        foreach (var type in candidates.Distinct<INamedTypeSymbol>(SymbolEqualityComparer.Default).OrderBy(t => t.ToDisplayString()))
        {
            if (type.TypeKind != TypeKind.Class || type.IsAbstract || type.IsStatic || type.IsGenericType)
            {
                continue;
            }

            if (!IsAccessible(type))
            {
                Report(HandlerDiagnostics.Inaccessible, type, type.Name);
                continue;
            }

            var prefix = FindClassAttribute(type);
            var methods = new List<HandlerMethod>();
            foreach (var method in PublicMethods(type))
            {
                var analyzed = Analyze(type, prefix, method);
                if (analyzed is null)
                {
                    continue;
                }

                if (analyzed.Procedure is not null)
                {
                    var key = analyzed.Uri + " " + analyzed.Match;
                    var name = type.Name + "." + method.Name;
                    if (procedures.TryGetValue(key, out var first))
                    {
                        Report(HandlerDiagnostics.DuplicateProcedure, method, analyzed.Uri, first, name);
                        continue;
                    }

                    procedures[key] = name;
                }

                methods.Add(analyzed);
            }

            if (methods.Count > 0)
            {
                classes.Add(new HandlerClass(type, prefix, methods));
            }
        }

        return classes;
    }

    private HandlerMethod? Analyze(INamedTypeSymbol type, AttributeData? prefix, IMethodSymbol method)
    {
        var procedure = FindMethodAttribute(method, _procedure);
        var topic = FindMethodAttribute(method, _topic);
        if (procedure is null && topic is null)
        {
            return null;
        }

        if (procedure is not null && topic is not null)
        {
            Report(HandlerDiagnostics.ProcedureAndTopic, method, type.Name, method.Name);
            return null;
        }

        var attribute = (procedure ?? topic)!;
        var relative = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string ?? string.Empty : string.Empty;
        var uri = prefix?.ConstructorArguments.Length > 0 && prefix.ConstructorArguments[0].Value is string p
            ? p.TrimEnd('.') + "." + relative
            : relative;
        var match = 0;
        foreach (var named in attribute.NamedArguments)
        {
            if (named.Key == "UriMatch" && named.Value.Value is int value)
            {
                match = value;
            }
        }

        if (method.IsStatic || method.IsGenericMethod)
        {
            Report(HandlerDiagnostics.NotAnInstanceMethod, method, type.Name, method.Name, uri);
            return null;
        }

        if (WampUriRules.Explain(uri, match) is { } problem)
        {
            Report(HandlerDiagnostics.InvalidUri, method, type.Name, method.Name, uri, WampUriRules.MatchName(match), problem);
            return null;
        }

        var isTopic = topic is not null;
        var ok = true;
        var parameters = new List<HandlerParameter>();
        foreach (var parameter in method.Parameters)
        {
            var bound = Parameter(type, method, uri, isTopic, parameter);
            if (bound is null)
            {
                ok = false;
            }
            else
            {
                parameters.Add(bound);
            }
        }

        var (returns, resultType) = Returns(method.ReturnType);
        if (isTopic && returns == ReturnKind.AsyncEnumerable)
        {
            Report(HandlerDiagnostics.UnsupportedReturnType, method, type.Name, method.Name, uri, "cannot return IAsyncEnumerable");
            ok = false;
        }
        else if (isTopic && returns is ReturnKind.Value or ReturnKind.TaskOfT or ReturnKind.ValueTaskOfT)
        {
            Report(HandlerDiagnostics.UnsupportedReturnType, method, type.Name, method.Name, uri,
                $"must return void, Task or ValueTask; it returns {RuntimeName(method.ReturnType)}");
            ok = false;
        }

        return ok ? new HandlerMethod(method, procedure, topic, uri, match, parameters, returns, resultType) : null;
    }

    private HandlerParameter? Parameter(INamedTypeSymbol type, IMethodSymbol method, string uri, bool isTopic, IParameterSymbol parameter)
    {
        var parameterType = parameter.Type;
        string? refusal = null;
        HandlerParameter? bound = null;
        if (Is(parameterType, _cancellationToken))
        {
            bound = new HandlerParameter(parameter, ParameterKind.CancellationToken, null);
        }
        else if (parameterType is INamedTypeSymbol { IsGenericType: true } generic && Is(generic.OriginalDefinition, _progress))
        {
            if (isTopic)
            {
                refusal = "a topic handler cannot report progress";
            }
            else
            {
                bound = new HandlerParameter(parameter, ParameterKind.Progress, generic.TypeArguments[0]);
            }
        }
        else if (Is(parameterType, _invocation))
        {
            if (isTopic)
            {
                refusal = "a topic handler receives WampEvent, not WampInvocation";
            }
            else
            {
                bound = new HandlerParameter(parameter, ParameterKind.Invocation, null);
            }
        }
        else if (Is(parameterType, _event))
        {
            if (isTopic)
            {
                bound = new HandlerParameter(parameter, ParameterKind.Event, null);
            }
            else
            {
                refusal = "a procedure handler receives WampInvocation, not WampEvent";
            }
        }
        else if (parameter.RefKind != RefKind.None || parameterType.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer || parameterType.IsRefLikeType)
        {
            refusal = parameterType.IsRefLikeType && parameter.RefKind == RefKind.None
                ? "ref struct parameters cannot come from WAMP arguments"
                : "ref, out and pointer parameters cannot come from WAMP arguments";
        }
        else
        {
            bound = new HandlerParameter(parameter, ParameterKind.Data, null);
        }

        if (refusal is not null)
        {
            Report(HandlerDiagnostics.UnbindableParameter, parameter, parameter.Name, type.Name, method.Name, uri, refusal);
        }

        return bound;
    }

    private (ReturnKind Kind, ITypeSymbol? Result) Returns(ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_Void)
        {
            return (ReturnKind.Void, null);
        }

        if (Is(type, _task))
        {
            return (ReturnKind.Task, null);
        }

        if (Is(type, _valueTask))
        {
            return (ReturnKind.ValueTask, null);
        }

        if (type is INamedTypeSymbol { IsGenericType: true } generic)
        {
            var definition = generic.OriginalDefinition;
            if (Is(definition, _taskOfT))
            {
                return (ReturnKind.TaskOfT, generic.TypeArguments[0]);
            }

            if (Is(definition, _valueTaskOfT))
            {
                return (ReturnKind.ValueTaskOfT, generic.TypeArguments[0]);
            }

            if (Is(definition, _asyncEnumerable))
            {
                return (ReturnKind.AsyncEnumerable, generic.TypeArguments[0]);
            }
        }

        return (ReturnKind.Value, null);
    }

    /// <summary>The public methods a reflection scan finds: declared or inherited, each override counted once.</summary>
    private static IEnumerable<IMethodSymbol> PublicMethods(INamedTypeSymbol type)
    {
        var overridden = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public } method ||
                    overridden.Contains(method.OriginalDefinition))
                {
                    continue;
                }

                for (var o = method.OverriddenMethod; o is not null; o = o.OverriddenMethod)
                {
                    overridden.Add(o.OriginalDefinition);
                }

                yield return method;
            }
        }
    }

    private static AttributeData? FindMethodAttribute(IMethodSymbol method, INamedTypeSymbol attribute)
    {
        for (var current = method; current is not null; current = current.OverriddenMethod)
        {
            foreach (var data in current.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
                {
                    return data;
                }
            }
        }

        return null;
    }

    private AttributeData? FindClassAttribute(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var data in current.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, _prefix))
                {
                    return data;
                }
            }
        }

        return null;
    }

    private bool IsAccessible(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
            {
                return false;
            }
        }

        return _compilation.IsSymbolAccessibleWithin(type, _compilation.Assembly);
    }

    private static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
        expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);

    /// <summary>The name reflection gives the type (<c>Type.Name</c>): Int32, String[], List`1.</summary>
    public static string RuntimeName(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => RuntimeName(array.ElementType) + "[" + new string(',', array.Rank - 1) + "]",
        INamedTypeSymbol named => named.MetadataName,
        _ => type.Name,
    };

    private void Report(DiagnosticDescriptor descriptor, ISymbol symbol, params object[] arguments) =>
        _diagnostics.Add(Diagnostic.Create(descriptor, symbol.Locations.FirstOrDefault(l => l.IsInSource) ?? Location.None, arguments));
}
