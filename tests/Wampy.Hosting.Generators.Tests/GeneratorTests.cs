using Microsoft.CodeAnalysis;

namespace Wampy.Hosting.Generators.Tests;

/// <summary>
/// What the handler generator writes for valid handler classes (code that compiles without a warning) and the
/// diagnostics it reports, at the right place, for what the start-up binder would refuse.
/// </summary>
public sealed class GeneratorTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Wampy;

        """;

    [Fact]
    public void Valid_handlers_are_described_in_code_that_compiles_cleanly()
    {
        var result = GeneratorHarness.Run(Usings + """
            namespace Shop;

            public sealed record Order(string Sku, int Quantity);

            [WampUriPrefix("com.shop")]
            public sealed class OrderService
            {
                [WampProcedure("place", Invoke = WampInvocationPolicy.RoundRobin)]
                public Task<string> PlaceAsync(Order order, CancellationToken cancellationToken) => Task.FromResult(order.Sku);

                [WampProcedure("count")]
                public int Count(string? filter = null, int limit = 10, double ratio = 1.5, char mark = 'x') => limit;

                [WampProcedure("progress")]
                public async IAsyncEnumerable<int> Progress(int n, IProgress<string> report, WampInvocation invocation)
                {
                    await Task.Yield();
                    yield return n;
                }

                [WampTopic("events", UriMatch = WampMatch.Prefix)]
                public ValueTask OnEvent(string text, WampEvent details) => ValueTask.CompletedTask;

                public int NotAHandler() => 0;
            }

            internal class Internal
            {
                [WampProcedure("com.shop.@internal")]
                public void @class() { }
            }
            """);

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompilationDiagnostics);
        Assert.NotNull(result.Generated);
        Assert.Contains("typeof(global::Shop.OrderService)", result.Generated, StringComparison.Ordinal);
        Assert.Contains("new global::Wampy.WampProcedureAttribute(\"place\") { Invoke = (global::Wampy.WampInvocationPolicy)(1) }", result.Generated, StringComparison.Ordinal);
        Assert.Contains("new global::Wampy.WampUriPrefixAttribute(\"com.shop\")", result.Generated, StringComparison.Ordinal);
        Assert.Contains("new(\"com.shop.place\", \"order\", \"Order\", 0, false, true)", result.Generated, StringComparison.Ordinal);
        Assert.Contains("new(\"com.shop.count\", \"filter\", \"String\", 0, true, false)", result.Generated, StringComparison.Ordinal);
        Assert.Contains("out var d1) ? d1 : (int)(10)", result.Generated, StringComparison.Ordinal);
        Assert.Contains("target.@class()", result.Generated, StringComparison.Ordinal);
        Assert.DoesNotContain("NotAHandler", result.Generated, StringComparison.Ordinal);
        Assert.Contains("AddWampyHandlers(this global::Wampy.Hosting.IWampyBuilder builder)", result.Generated, StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_without_handlers_gets_no_code()
    {
        var result = GeneratorHarness.Run(Usings + """
            public interface ICalculator
            {
                [WampProcedure("com.calc.add")]
                Task<int> AddAsync(int a, int b);
            }
            """);

        Assert.Null(result.Generated);
        Assert.Empty(result.GeneratorDiagnostics);
    }

    public static TheoryData<string, string, string> Refused => new()
    {
        {
            "WAMPY001",
            """public class H { [WampProcedure("p.static")] public static int Get() => 1; }""",
            "H.Get ('p.static') must be a non-generic instance method to be bound"
        },
        {
            "WAMPY001",
            """public class H { [WampProcedure("p.generic")] public T Get<T>() => default!; }""",
            "H.Get ('p.generic') must be a non-generic instance method to be bound"
        },
        {
            "WAMPY002",
            """public class H { [WampProcedure("bad uri")] public int Get() => 1; }""",
            "H.Get: 'bad uri' is not a valid WAMP URI for exact matching: 'whitespace' at position 3 is not allowed"
        },
        {
            "WAMPY002",
            """[WampUriPrefix("com.")] public class H { [WampTopic("a..b")] public void On() { } }""",
            "H.On: 'com.a..b' is not a valid WAMP URI for exact matching: it has an empty component at position 6"
        },
        {
            "WAMPY003",
            """public class H { [WampProcedure("p.ref")] public int Get(ref int x) => x; }""",
            "Parameter 'x' of H.Get ('p.ref') cannot be bound: ref, out and pointer parameters cannot come from WAMP arguments"
        },
        {
            "WAMPY003",
            """public class H { [WampTopic("t.progress")] public void On(IProgress<int> progress) { } }""",
            "Parameter 'progress' of H.On ('t.progress') cannot be bound: a topic handler cannot report progress"
        },
        {
            "WAMPY003",
            """public class H { [WampProcedure("p.event")] public int Get(WampEvent e) => 1; }""",
            "Parameter 'e' of H.Get ('p.event') cannot be bound: a procedure handler receives WampInvocation, not WampEvent"
        },
        {
            "WAMPY004",
            """public class H { [WampTopic("t.value")] public int On() => 1; }""",
            "H.On ('t.value') handles events and must return void, Task or ValueTask; it returns Int32"
        },
        {
            "WAMPY004",
            """public class H { [WampTopic("t.stream")] public async IAsyncEnumerable<int> On() { await Task.Yield(); yield return 1; } }""",
            "H.On ('t.stream') handles events and cannot return IAsyncEnumerable"
        },
        {
            "WAMPY005",
            """public class A { [WampProcedure("p.same")] public int Get() => 1; } public class B { [WampProcedure("p.same")] public int Other() => 2; }""",
            "Procedure 'p.same' is claimed twice: by A.Get and by B.Other. A procedure has one handler."
        },
        {
            "WAMPY006",
            """public class H { [WampProcedure("p.both"), WampTopic("t.both")] public void Both() { } }""",
            "H.Both has both [WampProcedure] and [WampTopic]; choose one"
        },
        {
            "WAMPY007",
            """public class Outer { private class H { [WampProcedure("p.hidden")] public int Get() => 1; } }""",
            "H is private or protected: the generator cannot describe it; make it internal or public, or add it with AddHandler (reflection)"
        },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void What_start_up_would_refuse_is_reported_at_compile_time(string id, string source, string message)
    {
        var result = GeneratorHarness.Run(Usings + source);

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Handlers.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(id == "WAMPY007" ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Empty(result.CompilationDiagnostics.Where(d => d.Id.StartsWith("CS", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("com.example.add", 0)]
    [InlineData("com..add", 0)]
    [InlineData("com.example.", 0)]
    [InlineData("com.example.", 1)]
    [InlineData("", 1)]
    [InlineData("", 0)]
    [InlineData("com..add", 2)]
    [InlineData("com.ex#ample", 0)]
    [InlineData(".com", 2)]
    [InlineData("com. add", 1)]
    [InlineData("Com.Example-1", 0)]
    public void The_generators_uri_rules_are_the_libraries_loose_rules(string uri, int match)
    {
        var generator = typeof(WampHandlerGenerator).Assembly.GetType("Wampy.Hosting.Generators.WampUriRules")!
            .GetMethod("Explain")!.Invoke(null, [uri, match]) as string;

        Assert.Equal(WampUri.Explain(uri, (WampMatch)match, strict: false), generator);
    }
}
