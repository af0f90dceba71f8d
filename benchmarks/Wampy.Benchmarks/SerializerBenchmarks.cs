using System.Buffers;
using BenchmarkDotNet.Attributes;
using Wampy.Messages;
using Wampy.Payload;
using Wampy.Serialization;
using Wampy.Serialization.Cbor;
using Wampy.Serialization.Json;
using Wampy.Serialization.MessagePack;

namespace Wampy.Benchmarks;

/// <summary>
/// Encode + decode of one message with each serializer, the way the session does it: encode into a reused buffer,
/// decode from the frame bytes, then bind the last argument (what a caller or callee reads).
/// </summary>
[MemoryDiagnoser]
public class SerializerBenchmarks
{
    private IWampSerializer _serializer = JsonWampSerializer.Default;
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private CallMessage _call = null!;
    private ResultMessage _result = null!;
    private EventMessage _event = null!;

    /// <summary>Payload size: a small argument list, or a 1 KiB string.</summary>
    [Params("small", "1KiB")]
    public string Payload { get; set; } = "small";

    /// <summary>The wire format.</summary>
    [Params("json", "msgpack", "cbor")]
    public string Format { get; set; } = "json";

    [GlobalSetup]
    public void Setup()
    {
        _serializer = Format switch
        {
            "msgpack" => MessagePackWampSerializer.Default,
            "cbor" => CborWampSerializer.Default,
            _ => JsonWampSerializer.Default,
        };
        var args = Payload == "small"
            ? WampArguments.From(42, "hello")
            : WampArguments.From(new string('x', 1024));
        _call = new CallMessage(7814135, WampDictionary.Empty, "com.myapp.myprocedure1", args);
        _result = new ResultMessage(7814135, WampDictionary.Empty, args);
        _event = new EventMessage(5512315355, 4429313566, WampDictionary.Empty, args);
    }

    [Benchmark]
    public int Call() => RoundTrip(_call);

    [Benchmark]
    public int Result() => RoundTrip(_result);

    [Benchmark]
    public int Event() => RoundTrip(_event);

    private int RoundTrip(WampMessage message)
    {
        _buffer.ResetWrittenCount();
        _serializer.Serialize(message, _buffer);
        var decoded = (IWampPayloadMessage)_serializer.Deserialize(_buffer.WrittenMemory);
        return decoded.Arguments!.Get<string>(decoded.Arguments.Count - 1).Length;
    }
}
