namespace Wampy;

/// <summary>
/// Names the WAMP procedure of a method: on an interface method, <see cref="WampClient.GetProxy{TService}"/>
/// calls it; on a handler class method, Wampy.Hosting registers it.
/// </summary>
/// <param name="procedure">The procedure URI, e.g. <c>com.example.add</c>.</param>
[AttributeUsage(AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
public sealed class WampProcedureAttribute(string procedure) : Attribute
{
    /// <summary>The procedure URI.</summary>
    public string Procedure { get; } = procedure;

    /// <summary>How the procedure matches calls when a hosted handler registers it: exact (default), prefix or wildcard.</summary>
    public WampMatch UriMatch { get; set; }

    /// <summary>
    /// Shares the procedure with other callees (replicas of the service), and how the router picks one. When it is not
    /// set, a hosted handler uses the host's default, <c>Wampy:Registration:Invoke</c> (round robin unless configured).
    /// </summary>
    public WampInvocationPolicy Invoke
    {
        get => ExplicitInvoke ?? WampInvocationPolicy.Single;
        set => ExplicitInvoke = value;
    }

    /// <summary>The policy set on the attribute, or <see langword="null"/> when the host's default applies.</summary>
    internal WampInvocationPolicy? ExplicitInvoke { get; private set; }

    /// <summary>Asks the router to disclose every caller to the handler (<see cref="WampInvocation.CallerSessionId"/>).</summary>
    public bool DiscloseCaller { get; set; }
}
