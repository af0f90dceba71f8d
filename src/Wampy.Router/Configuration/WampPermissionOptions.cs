namespace Wampy.Router;

/// <summary>What a role may do with the URIs one rule covers.</summary>
public sealed class WampPermissionOptions
{
    /// <summary>The URI or URI prefix the rule covers; empty covers every URI.</summary>
    public string Uri { get; set; } = "";

    /// <summary>How <see cref="Uri"/> is matched: <c>prefix</c> (default) or <c>exact</c>.</summary>
    public string Match { get; set; } = "prefix";

    /// <summary>Whether the role may call the procedures covered.</summary>
    public bool Call { get; set; }

    /// <summary>Whether the role may register the procedures covered.</summary>
    public bool Register { get; set; }

    /// <summary>Whether the role may publish to the topics covered.</summary>
    public bool Publish { get; set; }

    /// <summary>Whether the role may subscribe to the topics covered.</summary>
    public bool Subscribe { get; set; }
}
