using System.Text.Json;
using System.Text.Json.Serialization;
using Wampy.Messages;
using Wampy.Payload;
using Wampy.Serialization.Json;

namespace Wampy.Tests.Payload;

public class PayloadBindingTests
{
    public sealed record Order([property: JsonPropertyName("order_id")] int OrderId, string Customer, decimal[] Amounts);

    private static ResultMessage Received(string json) =>
        (ResultMessage)JsonWampSerializer.Default.Deserialize(System.Text.Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Arguments_bind_lazily_to_primitives_pocos_arrays_dictionaries_and_elements()
    {
        var result = Received("""[50,1,{},[42,"text",{"order_id":7,"customer":"ann","amounts":[1.5,2]},[1,2,3],{"a":1},null],{"order_id":8,"customer":"bob","amounts":[]}]""");
        var args = result.Arguments!;
        Assert.Equal(6, args.Count);
        Assert.Equal(42, args.Get<int>(0));
        Assert.Equal(42L, args.Get<long>(0));
        Assert.Equal("text", args.Get<string>(1));
        Assert.Equal((7, "ann"), (args.Get<Order>(2).OrderId, args.Get<Order>(2).Customer));
        Assert.Equal([1.5m, 2m], args.Get<Order>(2).Amounts);
        Assert.Equal([1, 2, 3], args.Get<int[]>(3));
        Assert.Equal(1, args.Get<Dictionary<string, int>>(4)["a"]);
        Assert.Equal(JsonValueKind.Object, args.Get<JsonElement>(4).ValueKind);
        Assert.Null(args.Get<string?>(5));
        Assert.Equal(8, result.ArgumentsKw!.As<Order>().OrderId);
        Assert.Equal("bob", result.ArgumentsKw.Get<string>("customer"));
        Assert.Equal(["order_id", "customer", "amounts"], result.ArgumentsKw.Keys);
    }

    [Fact]
    public void A_missing_argument_names_its_position_and_count()
    {
        var args = Received("[50,1,{},[1]]").Arguments!;
        var ex = Assert.Throws<WampPayloadBindingException>(() => args.Get<int>(3));
        Assert.Equal("Argument 3 of type Int32 is missing: the message has 1 positional argument(s).", ex.Message);
    }

    [Fact]
    public void A_mistyped_argument_names_the_argument_and_the_type()
    {
        var args = Received("""[50,1,{},["abc"]]""").Arguments!;
        var ex = Assert.Throws<WampPayloadBindingException>(() => args.Get<int>(0));
        Assert.StartsWith("Argument 0 cannot be bound to Int32", ex.Message, StringComparison.Ordinal);
        Assert.False(args.TryGet<int>(0, out _));
        Assert.True(args.TryGet<string>(0, out var text));
        Assert.Equal("abc", text);
    }

    [Fact]
    public void A_missing_keyword_names_the_keyword()
    {
        var kwargs = Received("""[50,1,{},[],{"a":1}]""").ArgumentsKw!;
        var ex = Assert.Throws<WampPayloadBindingException>(() => kwargs.Get<int>("b"));
        Assert.Contains("'b'", ex.Message, StringComparison.Ordinal);
        Assert.False(kwargs.ContainsKey("b"));
        Assert.True(kwargs.ContainsKey("a"));
    }

    [Fact]
    public void Application_values_convert_to_the_requested_type()
    {
        var args = WampArguments.From(5, "x", new Order(1, "c", []));
        Assert.Equal(5L, args.Get<long>(0));
        Assert.Equal("x", args.Get<string>(1));
        Assert.Equal(JsonValueKind.Object, args.Get<JsonElement>(2).ValueKind);
        var kwargs = WampKeywordArguments.From(new { name = "n", count = 3 });
        Assert.Equal(3, kwargs.Get<int>("count"));
        Assert.Equal(2, kwargs.Count);
        Assert.Equal("""{"name":"n","count":3}""", kwargs.ToString());
    }

    [Fact]
    public void Result_binding_prefers_the_first_argument_then_the_keywords()
    {
        Assert.Equal(3, new WampResult(WampArguments.From(3, 4)).GetValue<int>());
        Assert.Equal("b", new WampResult(null, WampKeywordArguments.From(new { customer = "b", order_id = 1, amounts = Array.Empty<decimal>() })).GetValue<Order>().Customer);
        Assert.Equal(0, WampResult.Empty.GetValue<int>());
    }
}
