using System.Collections.Concurrent;
using Wampy.Messages;

namespace Wampy.Tests.Session;

public class RequestIdAndUriTests
{
    [Fact]
    public void Request_ids_are_sequential_from_one()
    {
        var ids = new WampRequestIdGenerator();
        Assert.Equal([1L, 2L, 3L], [ids.Next(), ids.Next(), ids.Next()]);
    }

    [Fact]
    public void Request_ids_wrap_to_one_after_two_to_the_53()
    {
        var ids = new WampRequestIdGenerator(WampIds.MaxId - 1);
        Assert.Equal(WampIds.MaxId, ids.Next());
        Assert.Equal(1, ids.Next());
    }

    [Fact]
    public async Task Request_ids_are_unique_under_concurrency()
    {
        var ids = new WampRequestIdGenerator();
        var seen = new ConcurrentDictionary<long, bool>();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                Assert.True(seen.TryAdd(ids.Next(), true));
            }
        })));
        Assert.Equal(80_000, seen.Count);
        Assert.Equal(80_000, seen.Keys.Max());
    }

    [Theory]
    [InlineData("com.example.add", true, true)]
    [InlineData("com.example.add_2", true, true)]
    [InlineData("com.Example.Add", true, false)]
    [InlineData("com.example-x.add", true, false)]
    [InlineData("a", true, true)]
    [InlineData("", false, false)]
    [InlineData("com..add", false, false)]
    [InlineData(".com.add", false, false)]
    [InlineData("com.add.", false, false)]
    [InlineData("com.my add", false, false)]
    [InlineData("com.#", false, false)]
    public void Uris_follow_the_loose_and_strict_rules(string uri, bool loose, bool strict)
    {
        Assert.Equal(loose, WampUri.IsValid(uri));
        Assert.Equal(strict, WampUri.IsValid(uri, strict: true));
    }

    [Fact]
    public void An_invalid_uri_gives_an_argument_exception_that_says_why()
    {
        var ex = Assert.Throws<ArgumentException>(() => WampUri.Validate("com..add", strict: false, "procedure"));
        Assert.Equal("procedure", ex.ParamName);
        Assert.Contains("empty component at position 4", ex.Message, StringComparison.Ordinal);
    }
}
