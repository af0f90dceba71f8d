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
}
