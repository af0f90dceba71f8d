using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Wampy.Hosting;
using Wampy.Router;
using Wampy.TestPeers;

namespace Wampy.Docs.Tests;

/// <summary>
/// Every ```csharp block of the README and docs/ is compiled as a user would have it, in a `dotnet new worker`
/// project: blocks that declare types are files of that project; each block of statements is its Program.cs (with
/// the variables the prose takes for granted, declared in <see cref="Ambient"/>). Every ```json block is bound to
/// the options it configures (unknown keys are errors) and validated.
/// </summary>
public sealed partial class SnippetTests
{
    /// <summary>The implicit usings of a worker project (Microsoft.NET.Sdk.Worker), plus the ambient variables.</summary>
    private const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Hosting;
        global using Microsoft.Extensions.Logging;
        global using static Ambient;
        """;

    /// <summary>What the snippets' prose takes for granted: "your" builder, client, handler, secret store.</summary>
    private const string Ambient = """
        using Wampy;
        public interface ISecretStore { string Get(string name); }
        public static class Ambient
        {
            public static HostApplicationBuilder builder = Host.CreateApplicationBuilder();
            public static WampClient client = null!;
            public static string secret = "";
            public static WampInvocationHandler handler = (_, _) => ValueTask.FromResult(WampResult.Empty);
            public static WampEventHandler onStatus = (_, _) => ValueTask.CompletedTask;
            public static long sessionA, sessionB;
            public static IWampRegistration registration = null!;
            public static Polly.ResiliencePipeline myPollyPipeline = Polly.ResiliencePipeline.Empty;
            public static TimeProvider timeProvider = TimeProvider.System;
            public static CancellationToken ct;
        }
        """;

    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string> { "README.md" };
        var docs = Path.Combine(RepositoryPaths.Root, "docs");
        foreach (var file in Directory.Exists(docs) ? Directory.GetFiles(docs, "*.md") : [])
        {
            data.Add(Path.GetRelativePath(RepositoryPaths.Root, file));
        }

        return data;
    }

    [GeneratedRegex("```(csharp|json)\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex Block();

    private static List<(string Language, string Code, int Line)> Blocks(string document)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, document));
        return Block().Matches(text).Select(m => (m.Groups[1].Value, m.Groups[2].Value, text[..m.Index].Count(c => c == '\n') + 2)).ToList();
    }

    private static readonly Lazy<MetadataReference[]> References = new(() =>
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(Directory.GetFiles(AppContext.BaseDirectory, "*.dll"))
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First());
        return [.. paths.Select(p => MetadataReference.CreateFromFile(p))];
    });

    /// <summary>
    /// The source generators every .NET project runs, from the SDK's reference pack: System.Text.Json's, for the
    /// snippets that declare a JsonSerializerContext.
    /// </summary>
    private static readonly Lazy<ISourceGenerator[]> SdkGenerators = new(() =>
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var packs = Path.GetFullPath(Path.Combine(runtime, "..", "..", "..", "packs", "Microsoft.NETCore.App.Ref"));
        var pack = Directory.GetDirectories(packs).OrderBy(d => Version.Parse(Path.GetFileName(d).Split('-')[0])).Last();
        var path = Path.Combine(pack, "analyzers", "dotnet", "cs", "System.Text.Json.SourceGeneration.dll");
        return [.. new Microsoft.CodeAnalysis.Diagnostics.AnalyzerFileReference(path, new AnalyzerLoader()).GetGenerators(LanguageNames.CSharp)];
    });

    private sealed class AnalyzerLoader : Microsoft.CodeAnalysis.IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_csharp_snippet_compiles_in_a_worker_project(string document)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Preview);
        var blocks = Blocks(document).Where(b => b.Language == "csharp")
            .Select(b => (Tree: CSharpSyntaxTree.ParseText(b.Code, parse, path: $"{document}:{b.Line}"), b.Line))
            .ToList();
        var typeFiles = blocks.Where(b => !b.Tree.GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any()).Select(b => b.Tree).ToList();
        if (document != "README.md")
        {
            // The guides build on the README's quick start: its handler classes are part of "your project".
            typeFiles.AddRange(Blocks("README.md").Where(b => b.Language == "csharp")
                .Select(b => CSharpSyntaxTree.ParseText(b.Code, parse, path: $"README.md:{b.Line}"))
                .Where(t => !t.GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any()));
        }

        var programs = blocks.Where(b => b.Tree.GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any()).ToList();
        if (document == "README.md")
        {
            Assert.NotEmpty(blocks);
        }
        else if (blocks.Count == 0)
        {
            return;
        }
        var common = new[] { CSharpSyntaxTree.ParseText(GlobalUsings, parse), CSharpSyntaxTree.ParseText(Ambient, parse) };
        var failures = new List<string>();

        foreach (var program in programs.Count > 0 ? programs : [(Tree: (SyntaxTree?)null, Line: 0)!])
        {
            var trees = common.Concat(typeFiles);
            if (program.Tree is not null)
            {
                trees = trees.Append(program.Tree);
            }

            var compilation = CSharpCompilation.Create(
                $"Snippet{program.Line}",
                trees,
                References.Value,
                new CSharpCompilationOptions(program.Tree is null ? OutputKind.DynamicallyLinkedLibrary : OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

            // As in a project that references Wampy.Hosting: its handler source generator runs too (AddWampyHandlers).
            CSharpGeneratorDriver.Create([new Wampy.Hosting.Generators.WampHandlerGenerator().AsSourceGenerator(), .. SdkGenerators.Value], parseOptions: parse)
                .RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);
            failures.AddRange(generatorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => $"generator: {d.Id} {d.GetMessage()}"));
            failures.AddRange(generated.GetDiagnostics()
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => $"{d.Location.GetLineSpan().Path}+{d.Location.GetLineSpan().StartLinePosition.Line}: {d.Id} {d.GetMessage()}")
                .Distinct());
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Distinct()));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_json_snippet_binds_to_its_options_without_unknown_keys_and_validates(string document)
    {
        foreach (var (_, code, line) in Blocks(document).Where(b => b.Language == "json"))
        {
            using var json = JsonDocument.Parse(code, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(code))).Build();
            if (json.RootElement.TryGetProperty("Wampy", out _))
            {
                var options = new WampyOptions();
                configuration.GetSection("Wampy").Bind(options, b => b.ErrorOnUnknownConfiguration = true);
                if (options.Url is not null)
                {
                    // A whole configuration is validated; a fragment (one key shown in prose) only binds.
                    var result = new WampyOptionsValidatorProxy().Validate(options);
                    Assert.True(result.Succeeded, $"{document}:{line}: {result.FailureMessage}");
                }
            }

            if (json.RootElement.TryGetProperty("WampyRouter", out _))
            {
                var options = new WampRouterOptions();
                configuration.GetSection("WampyRouter").Bind(options, b => b.ErrorOnUnknownConfiguration = true);
                var failures = typeof(WampRouter).Assembly.GetType("Wampy.Router.WampRouterOptionsValidator")!;
                var validate = (ValidateOptionsResult)failures.GetMethod("Validate")!.Invoke(Activator.CreateInstance(failures), [null, options])!;
                Assert.True(validate.Succeeded, $"{document}:{line}: {validate.FailureMessage}");
            }
        }
    }

    /// <summary>Wampy.Hosting's validator, as the host runs it at start-up.</summary>
    private sealed class WampyOptionsValidatorProxy
    {
        public ValidateOptionsResult Validate(WampyOptions options)
        {
            var type = typeof(WampyOptions).Assembly.GetType("Wampy.Hosting.WampyOptionsValidator")!;
            var validator = (IValidateOptions<WampyOptions>)Activator.CreateInstance(
                type, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, binder: null, args: [null], culture: null)!;
            return validator.Validate(null, options);
        }
    }
}
