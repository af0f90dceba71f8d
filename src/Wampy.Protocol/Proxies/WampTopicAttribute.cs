namespace Wampy;

/// <summary>Names the WAMP topic a handler class method receives events of (Wampy.Hosting subscribes it).</summary>
/// <param name="topic">The topic URI, e.g. <c>com.example.event</c>.</param>
[AttributeUsage(AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
public sealed class WampTopicAttribute(string topic) : Attribute
{
    /// <summary>The topic URI.</summary>
    public string Topic { get; } = topic;
}
