namespace Wampy;

/// <summary>
/// A URI prefix for the procedures and topics of a handler class: <c>[WampUriPrefix("com.example")]</c> with
/// <c>[WampProcedure("add")]</c> registers <c>com.example.add</c>.
/// </summary>
/// <param name="prefix">The prefix, without a trailing dot.</param>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Interface, Inherited = true, AllowMultiple = false)]
public sealed class WampUriPrefixAttribute(string prefix) : Attribute
{
    /// <summary>The prefix, without a trailing dot.</summary>
    public string Prefix { get; } = prefix;

    /// <summary>The full URI of <paramref name="relative"/> under this prefix.</summary>
    /// <param name="relative">The method's URI.</param>
    /// <returns><c>prefix.relative</c>.</returns>
    public string Combine(string relative) => Prefix.TrimEnd('.') + "." + relative;
}
