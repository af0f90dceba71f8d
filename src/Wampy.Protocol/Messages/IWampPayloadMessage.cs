using Wampy.Payload;

namespace Wampy.Messages;

/// <summary>
/// A message that carries application data: positional <see cref="Arguments"/>, keyword
/// <see cref="ArgumentsKw"/>, or (payload passthrough mode) an opaque <see cref="Payload"/> in their place.
/// </summary>
public interface IWampPayloadMessage
{
    /// <summary>Positional arguments, or <see langword="null"/> when the message has none.</summary>
    WampArguments? Arguments { get; }

    /// <summary>Keyword arguments, or <see langword="null"/> when the message has none.</summary>
    WampKeywordArguments? ArgumentsKw { get; }

    /// <summary>
    /// An opaque payload (payload passthrough mode, e.g. end-to-end encrypted with <c>enc_algo</c>)
    /// that stands in place of the arguments, or <see langword="null"/>.
    /// </summary>
    byte[]? Payload { get; }
}
