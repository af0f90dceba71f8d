using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Wampy.Hosting.Generators;

/// <summary>
/// Describes the project's WAMP handler classes at compile time (<c>WampyGeneratedHandlers.All</c>, registered with
/// <c>AddWampy(...).AddWampyHandlers()</c>) and reports handler methods the binder would refuse at start-up.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class WampHandlerGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var procedures = context.SyntaxProvider.ForAttributeWithMetadataName(
            "Wampy.WampProcedureAttribute", static (node, _) => node is MethodDeclarationSyntax, static (c, _) => c.TargetSymbol.ContainingType);
        var topics = context.SyntaxProvider.ForAttributeWithMetadataName(
            "Wampy.WampTopicAttribute", static (node, _) => node is MethodDeclarationSyntax, static (c, _) => c.TargetSymbol.ContainingType);
        var input = procedures.Collect().Combine(topics.Collect()).Combine(context.CompilationProvider);
        context.RegisterSourceOutput(input, static (output, source) => Generate(output, source.Left.Left, source.Left.Right, source.Right));
    }

    private static void Generate(
        SourceProductionContext output, ImmutableArray<INamedTypeSymbol> procedures, ImmutableArray<INamedTypeSymbol> topics, Compilation compilation)
    {
        if (procedures.IsEmpty && topics.IsEmpty || HandlerAnalyzer.For(compilation) is not { } analyzer)
        {
            return;
        }

        var classes = analyzer.Analyze(procedures.Concat(topics));
        foreach (var diagnostic in analyzer.Diagnostics)
        {
            output.ReportDiagnostic(diagnostic);
        }

        if (classes.Count > 0)
        {
            output.AddSource("WampyGeneratedHandlers.g.cs", HandlerEmitter.Emit(classes));
        }
    }
}
