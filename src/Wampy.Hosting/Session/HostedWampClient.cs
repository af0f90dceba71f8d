using System.Diagnostics;
using Microsoft.Extensions.Options;
using Wampy.Hosting.Diagnostics;

namespace Wampy.Hosting.Session;

/// <summary>The <see cref="IWampClient"/> of the hosted session: waits for the session, then calls, with metrics and traces.</summary>
internal sealed class HostedWampClient(SessionTracker tracker, IOptions<WampyOptions> hostOptions, WampyTelemetry telemetry) : IWampClient
{
    public WampSessionState State => tracker.State;

    public long? SessionId => tracker.SessionId;

    public string? AuthId => tracker.State == WampSessionState.Established ? tracker.Client?.AuthId : null;

    public string? AuthRole => tracker.State == WampSessionState.Established ? tracker.Client?.AuthRole : null;

    public Task WaitUntilJoinedAsync(CancellationToken cancellationToken = default) =>
        tracker.WaitForJoinAsync(Timeout.InfiniteTimeSpan, cancellationToken);

    public async Task<WampResult> CallAsync(
        string procedure, object?[]? arguments = null, object? argumentsKw = null, CallOptions? options = null, CancellationToken cancellationToken = default)
    {
        var client = await JoinedClientAsync(cancellationToken).ConfigureAwait(false);
        using var activity = WampyTelemetry.ActivitySource.StartActivity($"call {procedure}", ActivityKind.Client);
        activity?.SetTag("wamp.procedure", procedure);
        var start = Stopwatch.GetTimestamp();
        string? error = null;
        try
        {
            return await client.CallAsync(procedure, arguments, argumentsKw, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            error = ex is WampException wamp ? wamp.Error : ex.GetType().Name;
            activity?.SetStatus(ActivityStatusCode.Error, error);
            throw;
        }
        finally
        {
            var tags = new TagList { { "wamp.procedure", procedure } };
            if (error is not null)
            {
                tags.Add("wamp.error", error);
            }

            telemetry.Calls.Add(1, tags);
            telemetry.CallDuration.Record(Stopwatch.GetElapsedTime(start).TotalSeconds, tags);
        }
    }

    public async IAsyncEnumerable<WampResult> StreamAsync(
        string procedure, object?[]? arguments = null, object? argumentsKw = null, CallOptions? options = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var client = await JoinedClientAsync(cancellationToken).ConfigureAwait(false);
        using var activity = WampyTelemetry.ActivitySource.StartActivity($"call {procedure}", ActivityKind.Client);
        activity?.SetTag("wamp.procedure", procedure);
        telemetry.Calls.Add(1, new KeyValuePair<string, object?>("wamp.procedure", procedure));
        await foreach (var result in client.StreamAsync(procedure, arguments, argumentsKw, options, cancellationToken).ConfigureAwait(false))
        {
            yield return result;
        }
    }

    public async Task<TResult> CallAsync<TResult>(
        string procedure, object?[]? arguments = null, object? argumentsKw = null, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        (await CallAsync(procedure, arguments, argumentsKw, options, cancellationToken).ConfigureAwait(false)).GetValue<TResult>();

    public async Task<long?> PublishAsync(
        string topic, object?[]? arguments = null, object? argumentsKw = null, PublishOptions? options = null, CancellationToken cancellationToken = default)
    {
        var client = await JoinedClientAsync(cancellationToken).ConfigureAwait(false);
        using var activity = WampyTelemetry.ActivitySource.StartActivity($"publish {topic}", ActivityKind.Producer);
        activity?.SetTag("wamp.topic", topic);
        var publication = await client.PublishAsync(topic, arguments, argumentsKw, options, cancellationToken).ConfigureAwait(false);
        telemetry.Publications.Add(1, new KeyValuePair<string, object?>("wamp.topic", topic));
        return publication;
    }

    public TService GetProxy<TService>()
        where TService : class => WampProxy.Create<TService>(this);

    private async Task<WampClient> JoinedClientAsync(CancellationToken cancellationToken)
    {
        var wait = hostOptions.Value.ConnectionWaitTimeout;
        try
        {
            await tracker.WaitForJoinAsync(wait, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new WampConnectionException(
                $"Not connected to the WAMP router at {hostOptions.Value.Url}: the session is {tracker.State} and did not join within {wait} (Wampy:ConnectionWaitTimeout). Last error: {tracker.LastError ?? "none"}.");
        }

        return tracker.Client ?? throw new WampConnectionException("The Wampy hosted service has not started.");
    }
}
