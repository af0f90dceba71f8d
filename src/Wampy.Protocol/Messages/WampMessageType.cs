namespace Wampy.Messages;

/// <summary>The message type codes of WAMP v2 (the first element of every message).</summary>
public enum WampMessageType
{
    /// <summary>HELLO: a client opens a session on a realm.</summary>
    Hello = 1,
    /// <summary>WELCOME: the router accepts the session.</summary>
    Welcome = 2,
    /// <summary>ABORT: the session is refused or torn down without GOODBYE.</summary>
    Abort = 3,
    /// <summary>CHALLENGE: the router asks the client to authenticate.</summary>
    Challenge = 4,
    /// <summary>AUTHENTICATE: the client answers a CHALLENGE.</summary>
    Authenticate = 5,
    /// <summary>GOODBYE: either side closes the session.</summary>
    Goodbye = 6,
    /// <summary>ERROR: a request failed.</summary>
    Error = 8,
    /// <summary>PUBLISH: a publisher sends an event to a topic.</summary>
    Publish = 16,
    /// <summary>PUBLISHED: the broker acknowledges a PUBLISH.</summary>
    Published = 17,
    /// <summary>SUBSCRIBE: a subscriber asks for events of a topic.</summary>
    Subscribe = 32,
    /// <summary>SUBSCRIBED: the broker confirms a subscription.</summary>
    Subscribed = 33,
    /// <summary>UNSUBSCRIBE: a subscriber ends a subscription.</summary>
    Unsubscribe = 34,
    /// <summary>UNSUBSCRIBED: the broker confirms (or revokes) a subscription's end.</summary>
    Unsubscribed = 35,
    /// <summary>EVENT: the broker delivers an event to a subscriber.</summary>
    Event = 36,
    /// <summary>CALL: a caller calls a procedure.</summary>
    Call = 48,
    /// <summary>CANCEL: a caller cancels a call in flight.</summary>
    Cancel = 49,
    /// <summary>RESULT: the dealer returns a call's result (or a progressive part of it).</summary>
    Result = 50,
    /// <summary>REGISTER: a callee offers a procedure.</summary>
    Register = 64,
    /// <summary>REGISTERED: the dealer confirms a registration.</summary>
    Registered = 65,
    /// <summary>UNREGISTER: a callee withdraws a procedure.</summary>
    Unregister = 66,
    /// <summary>UNREGISTERED: the dealer confirms (or revokes) a registration's end.</summary>
    Unregistered = 67,
    /// <summary>INVOCATION: the dealer asks a callee to run a procedure.</summary>
    Invocation = 68,
    /// <summary>INTERRUPT: the dealer asks a callee to stop an invocation.</summary>
    Interrupt = 69,
    /// <summary>YIELD: a callee returns an invocation's result.</summary>
    Yield = 70,
    /// <summary>EVENT_RECEIVED: a subscriber acknowledges an event (provisional, advanced profile).</summary>
    EventReceived = 337,
}
