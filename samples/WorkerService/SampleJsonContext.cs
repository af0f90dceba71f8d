using System.Text.Json;
using System.Text.Json.Serialization;

namespace WorkerService;

/// <summary>What DemoJob reports with each event on "foo", as keyword arguments.</summary>
/// <param name="Round">The round number.</param>
/// <param name="Binary">What get_binary_number(100) answered.</param>
public sealed record RoundReport(int Round, string Binary);

/// <summary>
/// The JSON contracts of the sample's own payload types, generated at compile time. Registered with
/// <c>AddJsonTypeInfoResolver</c>, they let the native (AOT) worker send and receive <see cref="RoundReport"/>.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(RoundReport))]
public sealed partial class SampleJsonContext : JsonSerializerContext;
