using System.Globalization;

namespace Wampy.TestPeers;

/// <summary>
/// A WebSocket endpoint (tests/router/scripted-router.js) that sends exactly the frames a test dictates: the
/// way to put a fault at one exact byte in front of the client. Not a router: the test plays the router.
/// </summary>
public sealed class ScriptedEndpoint : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly NodeProcess _process;

    private ScriptedEndpoint(NodeProcess process, int port, bool tls)
    {
        _process = process;
        Url = new Uri($"{(tls ? "wss" : "ws")}://127.0.0.1:{port}");
    }

    /// <summary>The endpoint's URL.</summary>
    public Uri Url { get; }

    /// <summary>Starts the endpoint.</summary>
    public static Task<ScriptedEndpoint> StartAsync() => StartAsync([]);

    /// <summary>Starts the endpoint serving wss:// with the given PEM certificate and key files.</summary>
    public static Task<ScriptedEndpoint> StartTlsAsync(string certificatePem, string keyPem) =>
        StartAsync(["--tls", certificatePem, keyPem]);

    private static async Task<ScriptedEndpoint> StartAsync(string[] arguments)
    {
        var process = NodeProcess.Start("scripted-router.js", arguments);
        var line = await process.WaitForLineAsync(static l => l.StartsWith("LISTENING ", StringComparison.Ordinal), Timeout);
        return new ScriptedEndpoint(process, int.Parse(line.AsSpan("LISTENING ".Length), CultureInfo.InvariantCulture), arguments.Length > 0);
    }

    /// <summary>Waits for the next frame the client sent that starts with <paramref name="prefix"/>, e.g. <c>[1,</c> for HELLO.</summary>
    public async Task<string> ReceiveAsync(string prefix)
    {
        var line = await _process.WaitForLineAsync(l => l.StartsWith("RECV " + prefix, StringComparison.Ordinal), Timeout);
        return line["RECV ".Length..];
    }

    /// <summary>The next frame the client sent, whatever it is.</summary>
    public async Task<string> NextFrameAsync()
    {
        var line = await _process.WaitForLineAsync(static l => l.StartsWith("RECV ", StringComparison.Ordinal), Timeout);
        return line["RECV ".Length..];
    }

    /// <summary>Waits for the client certificate line of a TLS endpoint: the subject CN, or <c>(none)</c>.</summary>
    public async Task<string> ClientCertificateAsync()
    {
        var line = await _process.WaitForLineAsync(static l => l.StartsWith("CLIENTCERT ", StringComparison.Ordinal), Timeout);
        return line["CLIENTCERT ".Length..];
    }

    /// <summary>Waits until the client's connection is closed; returns the close code.</summary>
    public async Task<int> WaitClosedAsync()
    {
        var line = await _process.WaitForLineAsync(static l => l.StartsWith("CLOSED ", StringComparison.Ordinal), Timeout);
        return int.Parse(line.AsSpan("CLOSED ".Length), CultureInfo.InvariantCulture);
    }

    /// <summary>Runs a command (SEND, SENDBIN, CLOSE, DROP, NOSUBPROTOCOL) and waits until it is done.</summary>
    public async Task CommandAsync(string command)
    {
        await _process.WriteLineAsync(command);
        var verb = command.Split(' ')[0];
        await _process.WaitForLineAsync(l => l == "DONE " + verb, Timeout);
    }

    /// <summary>Sends a text frame to the client.</summary>
    public Task SendAsync(string frame) => CommandAsync("SEND " + frame);

    /// <summary>Sends text frames to the client in one write, so that they arrive together.</summary>
    public Task SendTogetherAsync(params string[] frames) =>
        CommandAsync("SENDMANY " + System.Text.Json.JsonSerializer.Serialize(frames));

    /// <summary>Answers the client's HELLO with WELCOME, as a router would.</summary>
    public async Task AcceptAsync(long sessionId = 4242)
    {
        await ReceiveAsync("[1,");
        await SendAsync($"[2,{sessionId},{{\"roles\":{{\"dealer\":{{}},\"broker\":{{}}}}}}]");
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
