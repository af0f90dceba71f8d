namespace Wampy.Messages;

/// <summary>
/// A WAMP v2 message. Messages are immutable; each concrete type mirrors the field layout of the
/// specification, with optional trailing <c>Arguments</c> and <c>ArgumentsKw</c> where the spec has them.
/// </summary>
public abstract record WampMessage
{
    /// <summary>The message type code written as the first element on the wire.</summary>
    public abstract WampMessageType MessageType { get; }
}
