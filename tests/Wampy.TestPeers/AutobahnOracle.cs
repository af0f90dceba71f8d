using System.Text.Json.Nodes;

namespace Wampy.TestPeers;

/// <summary>
/// Autobahn|JS as an independent oracle (tests/router/oracle.js): WAMP-CRA key derivation and signing with
/// Autobahn's own helpers, cryptosign signing with tweetnacl.
/// </summary>
public sealed class AutobahnOracle : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly NodeProcess _process = NodeProcess.Start("oracle.js");
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Sends one request and returns the oracle's answer.</summary>
    public async Task<JsonObject> AskAsync(JsonObject request)
    {
        await _gate.WaitAsync();
        try
        {
            await _process.WriteLineAsync(request.ToJsonString());
            return JsonNode.Parse(await _process.ReadLineAsync(Timeout))!.AsObject();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        _gate.Dispose();
    }
}
