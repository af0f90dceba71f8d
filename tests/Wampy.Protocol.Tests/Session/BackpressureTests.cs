using Wampy.TestPeers;

namespace Wampy.Tests.Session;

/// <summary>A router that stops reading (fox-wamp paused with SIGSTOP): the outbound queue is bounded by bytes.</summary>
public class BackpressureTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)] // sends that the socket cannot take wait asynchronously, not on the publishing thread
    public async Task Publications_wait_while_the_router_does_not_read_and_go_out_when_it_reads_again(bool dedicatedReceiveThread)
    {
        await using var router = new FoxRouter();
        await router.InitializeAsync();
        var options = router.ClientOptions();
        options.MaxOutboundQueueBytes = 256 * 1024;
        options.DedicatedReceiveThread = dedicatedReceiveThread;
        await using var client = new WampClient(options);
        await client.ConnectAsync().Within();
        var payload = new string('x', 16 * 1024);

        Task<long?>? blocked = null;
        var sent = 0;
        router.Process.Signal("STOP");
        try
        {
            // The kernel's socket buffers take a few MiB; after them the queue fills, and then publishing waits.
            for (; sent < 20_000 && blocked is null; sent++)
            {
                var publish = client.PublishAsync("test.flood", [payload]);
                if (publish.IsCompleted)
                {
                    await publish;
                }
                else
                {
                    blocked = publish;
                }
            }

            Assert.NotNull(blocked);
            Assert.InRange(client.QueuedBytes, options.MaxOutboundQueueBytes, options.MaxOutboundQueueBytes + payload.Length + 1024);

            using var cancel = new CancellationTokenSource();
            var given = client.PublishAsync("test.flood", [payload], cancellationToken: cancel.Token);
            Assert.False(given.IsCompleted);
            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => given.Within());
            Assert.False(blocked.IsCompleted);
            Assert.InRange(client.QueuedBytes, 0, options.MaxOutboundQueueBytes + payload.Length + 1024);
        }
        finally
        {
            router.Process.Signal("CONT");
        }

        Assert.Null(await blocked.Within());
        Assert.NotNull(await client.PublishAsync("test.flood", ["last"], options: new PublishOptions { Acknowledge = true }).Within());
        Assert.Equal(WampClientState.Connected, client.State);
        Assert.InRange(sent, 2, 20_000);
    }
}
