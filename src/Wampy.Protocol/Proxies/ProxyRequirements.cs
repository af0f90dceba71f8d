namespace Wampy.Proxies;

/// <summary>Why typed proxies are not available to trimmed and Native AOT applications.</summary>
internal static class ProxyRequirements
{
    public const string Message =
        "Typed proxies are built at run time (System.Reflection.DispatchProxy and generic instantiation over the interface's " +
        "methods). Under trimming or Native AOT call the procedures with IWampClient.CallAsync instead.";
}
