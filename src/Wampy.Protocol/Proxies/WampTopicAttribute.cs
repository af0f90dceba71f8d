namespace Wampy;

/// <summary>Names the WAMP topic a handler class method receives events of (Wampy.Hosting subscribes it).</summary>
/// <param name="topic">The topic URI, e.g. <c>com.example.event</c>.</param>
[AttributeUsage(AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
public sealed class WampTopicAttribute(string topic) : Attribute
{
    /// <summary>The topic URI.</summary>
    public string Topic { get; } = topic;

    /// <summary>How the topic matches events when a hosted handler subscribes: exact (default), prefix or wildcard.</summary>
    public WampMatch UriMatch { get; set; }

    /// <summary>Asks the broker for retained events on subscribing.</summary>
    public bool GetRetained { get; set; }
}
