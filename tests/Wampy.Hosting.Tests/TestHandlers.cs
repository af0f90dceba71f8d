using System.Collections.Concurrent;

namespace Wampy.Hosting.Tests;

public sealed record Order(decimal[] Amounts, string? Customer = null);

/// <summary>Records every scoped probe created and disposed, to prove one DI scope per invocation.</summary>
public sealed class ProbeLog
{
    public ConcurrentBag<string> Created { get; } = [];

    public ConcurrentBag<string> Disposed { get; } = [];
}

public sealed class ScopedProbe : IDisposable
{
    private readonly ProbeLog _log;

    public ScopedProbe(ProbeLog log)
    {
        _log = log;
        log.Created.Add(Id);
    }

    public string Id { get; } = Guid.NewGuid().ToString("N");

    public void Dispose() => _log.Disposed.Add(Id);
}

/// <summary>Lets a test hold a handler in flight and know when it started.</summary>
public sealed class Gate
{
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

public sealed class EventSink
{
    public BlockingCollection<(string Headline, int Priority, string Topic)> Received { get; } = [];
}

[WampUriPrefix("calc")]
public sealed class CalculatorHandler(ScopedProbe probe, Gate gate)
{
    [WampProcedure("add")]
    public int Add(int a, int b) => a + b;

    [WampProcedure("greet")]
    public string Greet(string name, string greeting = "Hello") => $"{greeting}, {name}!";

    [WampProcedure("total")]
    public decimal Total(Order order) => order.Amounts.Sum();

    [WampProcedure("scope")]
    public string Scope() => probe.Id;

    [WampProcedure("fail")]
    public void Fail() => throw new InvalidOperationException("calc failed");

    [WampProcedure("custom")]
    public Task Custom() => throw new WampException("com.example.error.custom", "nope");

    [WampProcedure("slow")]
    public async Task<string> SlowAsync(CancellationToken cancellationToken)
    {
        gate.Started.TrySetResult();
        await gate.Release.Task.WaitAsync(cancellationToken);
        return "done";
    }

    [WampProcedure("binary")]
    public ValueTask<byte[]> ReverseAsync(byte[] data) => ValueTask.FromResult(data.Reverse().ToArray());
}

[WampUriPrefix("events")]
public sealed class NewsHandler(EventSink sink)
{
    [WampTopic("news")]
    public void OnNews(string headline, WampEvent details, int priority = 0) => sink.Received.Add((headline, priority, details.Topic));
}

public sealed class DuplicateHandler
{
    [WampProcedure("calc.add")]
    public int Add(int a, int b) => a - b;
}

public sealed class UnbindableHandler
{
    [WampTopic("bad.stream")]
    public async IAsyncEnumerable<int> StreamAsync()
    {
        await Task.Yield();
        yield return 1;
    }
}

public sealed class NoMethodsHandler
{
    public int NotAProcedure() => 1;
}
