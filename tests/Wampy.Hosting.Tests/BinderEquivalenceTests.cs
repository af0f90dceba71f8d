using System.Runtime.CompilerServices;
using System.Text.Json;
using Wampy.Hosting.Handlers;
using Wampy.Payload;

namespace Wampy.Hosting.Tests;

public enum Shade
{
    Light,
    Dark,
}

public sealed record Point(int X, int Y);

/// <summary>Every kind of parameter and result the binders handle, to compare them call by call.</summary>
[WampUriPrefix("eq.")]
public sealed class EquivalenceHandler
{
    [WampProcedure("defaults", DiscloseCaller = true)]
    public string Defaults(int count = 3, string label = "x\"y", double ratio = 0.5, Shade shade = Shade.Dark, decimal price = 1.25m, char mark = '\'', long? maybe = null) =>
        $"{count}|{label}|{ratio}|{shade}|{price}|{mark}|{maybe}";

    [WampProcedure("nullable", Invoke = WampInvocationPolicy.RoundRobin)]
    public string Nullable(string? name, int? age) => $"{name ?? "none"}/{age?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}";

    [WampProcedure("snake")]
    public int Snake(int firstValue, int secondValue) => firstValue - secondValue;

    [WampProcedure("point")]
    public int Point(Point point) => point.X * point.Y;

    [WampProcedure("progress")]
    public async Task<int> ProgressAsync(int steps, IProgress<int> progress, WampInvocation invocation, CancellationToken cancellationToken)
    {
        for (var i = 0; i < steps; i++)
        {
            progress.Report(i);
            await Task.Yield();
        }

        return steps + (invocation is null ? 0 : 1000);
    }

    [WampProcedure("stream")]
    public async IAsyncEnumerable<string> StreamAsync(int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            yield return "item" + i;
        }
    }

    [WampProcedure("value-task")]
    public ValueTask<long[]> ValueTaskAsync(long[] values) => ValueTask.FromResult(values.Reverse().ToArray());

    [WampProcedure("throws")]
    public int Throws(int code) => throw new WampException("com.example.error.code", $"code {code}");

    [WampProcedure("pattern.", UriMatch = WampMatch.Prefix)]
    public string Pattern(WampInvocation invocation) => invocation?.Procedure ?? "none";

    [WampTopic("events", GetRetained = true)]
    public Task OnEventAsync(string text, WampEvent details) => Task.CompletedTask;
}

/// <summary>
/// The start-up binder and the generated code, side by side: same descriptions (names, attributes, results) and,
/// for every method and every payload shape (positional, keyword, snake_case, missing, extra, wrong type), the same
/// outcome, value or error message.
/// </summary>
public sealed class BinderEquivalenceTests
{
    public static TheoryData<Type> HandlerTypes => [typeof(CalculatorHandler), typeof(NewsHandler), typeof(EquivalenceHandler)];

    private static readonly string[] Payloads =
    [
        """[]""", """[[], {}]""", """[[2], {}]""", """[[2, 3], {}]""", """[[2, 3, 4], {}]""", """[["2"], {}]""", """[[null], {}]""",
        """[[], {"a": 1, "b": 2}]""", """[[], {"first_value": 7, "second_value": 2}]""", """[[], {"FirstValue": 7, "secondvalue": 2}]""",
        """[[], {"count": 2, "label": "L", "shade": 0}]""", """[[1], {"label": "only kw"}]""", """[[], {"x": 3, "y": 4}]""",
        """[[{"x": 2, "y": 5}], {}]""", """[[], {"point": {"x": 1, "y": 9}}]""", """[["n", 4], {}]""", """[[], {"name": "k"}]""",
        """[[3], {}]""", """[[[1, 2, 3]], {}]""", """[["AQID"], {}]""", """[["hi"], {"priority": 5}]""", """[[true], {}]""",
        """[[], {"steps": 2, "values": [5, 6]}]""", """[[], {"text": "t", "headline": "h", "code": 7}]""",
    ];

    [Theory]
    [MemberData(nameof(HandlerTypes))]
    public async Task Both_binders_describe_and_bind_alike(Type handlerType)
    {
        var runtime = RuntimeHandlerBinder.Describe(handlerType);
        var generated = WampyGeneratedHandlers.All.Single(d => d.HandlerType == handlerType);

        Assert.Equal(Describe(runtime.UriPrefix), Describe(generated.UriPrefix));
        Assert.Equal(Catalog(runtime), Catalog(generated));
        Assert.Equal(runtime.Methods.Select(m => m.Name).Order(), generated.Methods.Select(m => m.Name).Order());
        foreach (var method in runtime.Methods)
        {
            var twin = generated.Methods.Single(m => m.Name == method.Name);
            Assert.Equal(Describe(method.Procedure), Describe(twin.Procedure));
            Assert.Equal(Describe(method.Topic), Describe(twin.Topic));
            Assert.Equal(method.ReturnsValue, twin.ReturnsValue);
            foreach (var payload in Payloads)
            {
                var handler = NewHandler(handlerType);
                var expected = await OutcomeAsync(method, handler, payload);
                var actual = await OutcomeAsync(twin, handler, payload);
                Assert.True(expected == actual, $"{handlerType.Name}.{method.Name} with {payload}: start-up binder gave {expected}, generated code gave {actual}");
            }
        }
    }

    [Fact]
    public async Task The_comparison_can_tell_outcomes_apart()
    {
        var generated = WampyGeneratedHandlers.All.Single(d => d.HandlerType == typeof(CalculatorHandler)).Methods.Single(m => m.Name == "Add");

        var handler = NewHandler(typeof(CalculatorHandler));

        Assert.NotEqual(await OutcomeAsync(generated, handler, """[[2, 3], {}]"""), await OutcomeAsync(generated, handler, """[[2, 4], {}]"""));
        Assert.StartsWith("WampPayloadBindingException", await OutcomeAsync(generated, handler, """[[2, 3, 4], {}]"""), StringComparison.Ordinal);
    }

    private static object NewHandler(Type handlerType)
    {
        var released = new Gate();
        released.Release.TrySetResult(); // calc.slow returns at once
        return handlerType == typeof(CalculatorHandler) ? new CalculatorHandler(new ScopedProbe(new ProbeLog()), released)
            : handlerType == typeof(NewsHandler) ? new NewsHandler(new EventSink())
            : new EquivalenceHandler();
    }

    private static async Task<string> OutcomeAsync(WampHandlerMethodDescriptor method, object handler, string payload)
    {
        using var document = JsonDocument.Parse(payload);
        var root = document.RootElement;
        var arguments = root.GetArrayLength() == 0 ? WampArguments.Empty : WampArguments.From([.. root[0].EnumerateArray().Select(e => (object?)e.Clone())]);
        var kwargs = root.GetArrayLength() == 0 ? WampKeywordArguments.Empty : WampKeywordArguments.From(root[1].Clone());
        var context = new WampHandlerContext(arguments, kwargs, null, null, CancellationToken.None);
        try
        {
            var result = await method.Invoke(handler, context).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            return result switch
            {
                null => "null",
                WampResult r => "result " + r.Arguments + " " + r.ArgumentsKw,
                _ => "value " + WampArguments.From(result),
            };
        }
        catch (Exception ex)
        {
            return ex.GetType().Name + ": " + ex.Message;
        }
    }

    /// <summary>What start-up makes of a description: URIs and REGISTER/SUBSCRIBE options (an unset invoke policy takes the default).</summary>
    private static string Catalog(WampHandlerDescriptor descriptor)
    {
        var catalog = new HandlerCatalog([new WampHandlerRegistration(descriptor.HandlerType, descriptor)], strictUris: false, WampInvocationPolicy.RoundRobin);
        return string.Join("; ", catalog.Procedures.Select(p => $"{p.DisplayName} {p.Uri} {p.RegisterOptions!.Match} {p.RegisterOptions.Invoke} {p.RegisterOptions.DiscloseCaller} {p.ReturnsValue}")
            .Concat(catalog.Topics.Select(t => $"{t.DisplayName} {t.Uri} {t.SubscribeOptions!.Match} {t.SubscribeOptions.GetRetained}")).Order());
    }

    private static string Describe(Attribute? attribute) => attribute switch
    {
        null => "none",
        WampProcedureAttribute p => $"procedure {p.Procedure} {p.UriMatch} {p.Invoke} {p.DiscloseCaller}",
        WampTopicAttribute t => $"topic {t.Topic} {t.UriMatch} {t.GetRetained}",
        WampUriPrefixAttribute u => $"prefix {u.Prefix}",
        _ => attribute.ToString()!,
    };
}
