using Wampy.Payload;

namespace Wampy;

/// <summary>Options of one registration.</summary>
public sealed class RegisterOptions
{
    /// <summary>How the procedure matches calls (<c>match</c>): exact (default), prefix or wildcard. The handler sees the called procedure in <see cref="WampInvocation.Procedure"/>.</summary>
    public WampMatch Match { get; set; }

    /// <summary>Share the procedure with other callees and how the router picks one (<c>invoke</c>). Default single.</summary>
    public WampInvocationPolicy Invoke { get; set; }

    /// <summary>Ask the router to disclose every caller to this callee (<c>disclose_caller</c>).</summary>
    public bool DiscloseCaller { get; set; }

    /// <summary>Further REGISTER options sent as-is (for router extensions).</summary>
    public IReadOnlyDictionary<string, object?>? AdditionalOptions { get; set; }

    internal IReadOnlyDictionary<string, object?> ToWire()
    {
        var options = new WampOptionsBuilder(AdditionalOptions);
        options.AddIf(Match != WampMatch.Exact, "match", Match.ToWire());
        options.AddIf(Invoke != WampInvocationPolicy.Single, "invoke", Invoke.ToWire());
        options.AddIf(DiscloseCaller, "disclose_caller", true);
        return options.Build();
    }
}
