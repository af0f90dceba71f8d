using Microsoft.CodeAnalysis;

namespace Wampy.Hosting.Generators;

/// <summary>What the generator reports at compile time; each was a start-up failure before.</summary>
internal static class HandlerDiagnostics
{
    private const string Category = "Wampy";

    public static readonly DiagnosticDescriptor NotAnInstanceMethod = new(
        "WAMPY001", "Handler method must be a non-generic instance method",
        "{0}.{1} ('{2}') must be a non-generic instance method to be bound",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidUri = new(
        "WAMPY002", "Invalid WAMP URI",
        "{0}.{1}: '{2}' is not a valid WAMP URI for {3} matching: {4}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnbindableParameter = new(
        "WAMPY003", "Handler parameter cannot be bound",
        "Parameter '{0}' of {1}.{2} ('{3}') cannot be bound: {4}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedReturnType = new(
        "WAMPY004", "Topic handler returns a value",
        "{0}.{1} ('{2}') handles events and {3}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateProcedure = new(
        "WAMPY005", "Procedure claimed twice",
        "Procedure '{0}' is claimed twice: by {1} and by {2}. A procedure has one handler.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ProcedureAndTopic = new(
        "WAMPY006", "Method is both a procedure and a topic handler",
        "{0}.{1} has both [WampProcedure] and [WampTopic]; choose one",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor Inaccessible = new(
        "WAMPY007", "Handler class is not accessible to generated code",
        "{0} is private or protected: the generator cannot describe it; make it internal or public, or add it with AddHandler (reflection)",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);
}
