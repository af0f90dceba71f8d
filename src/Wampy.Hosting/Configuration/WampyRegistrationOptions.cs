namespace Wampy.Hosting;

/// <summary>How handler procedures are registered (<c>Wampy:Registration</c>).</summary>
public sealed class WampyRegistrationOptions
{
    /// <summary>
    /// The invocation policy of every handler procedure whose <see cref="WampProcedureAttribute.Invoke"/> is not set.
    /// Default <see cref="WampInvocationPolicy.RoundRobin"/>: replicas of a service (several processes or machines
    /// with the same handlers) share its procedures and the router spreads the calls, so a second copy starts and
    /// serves; one copy alone behaves exactly as with <see cref="WampInvocationPolicy.Single"/>. Choose
    /// <see cref="WampInvocationPolicy.Single"/> for procedures that one session must own: a second copy then keeps
    /// serving its other handlers, reports Degraded and takes the procedure over when the owner leaves.
    /// </summary>
    public WampInvocationPolicy Invoke { get; set; } = WampInvocationPolicy.RoundRobin;
}
