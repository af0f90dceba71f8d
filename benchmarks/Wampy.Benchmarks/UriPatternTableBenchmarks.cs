using BenchmarkDotNet.Attributes;
using Wampy.Router.Matching;

namespace Wampy.Benchmarks;

/// <summary>
/// The dealer's lookup of a procedure nobody registered, with N prefix registrations in the realm: the cost must
/// follow the URI's length, not N (an attacker with many registrations must not slow every call down).
/// </summary>
[MemoryDiagnoser]
public class UriPatternTableBenchmarks
{
    private readonly UriPatternTable<object> _table = new();

    /// <summary>How many prefix registrations the realm holds.</summary>
    [Params(10, 100_000)]
    public int Registrations { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < Registrations; i++)
        {
            _table.Add($"com.tenant{i}.api.", Wampy.WampMatch.Prefix, new object());
        }
    }

    /// <summary>A call to an unknown procedure.</summary>
    [Benchmark]
    public object? UnknownProcedure() => _table.MatchBest("org.nobody.registered.this.procedure");

    /// <summary>A call served by one of the prefix registrations.</summary>
    [Benchmark]
    public object? PrefixProcedure() => _table.MatchBest("com.tenant7.api.orders.list");
}
