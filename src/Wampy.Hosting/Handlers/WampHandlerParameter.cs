using System.Text.Json;

namespace Wampy.Hosting;

/// <summary>How one data parameter of a handler method binds (see <see cref="WampHandlerBinding"/>).</summary>
public sealed class WampHandlerParameter
{
    /// <summary>Creates a parameter description.</summary>
    /// <param name="uri">The procedure or topic, for error messages.</param>
    /// <param name="name">The parameter's name: the keyword argument it binds from (also as snake_case, or case-insensitively).</param>
    /// <param name="typeName">The parameter type's name, for error messages.</param>
    /// <param name="position">The positional argument it binds from.</param>
    /// <param name="isNullable">Whether it may be missing and then gets <see langword="null"/>.</param>
    /// <param name="bindsWholeKeywordArguments">
    /// Whether, as the only data parameter and an object type, it takes all the keyword arguments when there is no
    /// positional argument and no keyword argument of its name.
    /// </param>
    public WampHandlerParameter(string uri, string name, string typeName, int position, bool isNullable, bool bindsWholeKeywordArguments)
    {
        Uri = uri;
        Name = name;
        SnakeCaseName = JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
        TypeName = typeName;
        Position = position;
        IsNullable = isNullable;
        BindsWholeKeywordArguments = bindsWholeKeywordArguments;
    }

    /// <summary>The procedure or topic.</summary>
    public string Uri { get; }

    /// <summary>The parameter's name.</summary>
    public string Name { get; }

    /// <summary>The parameter's name in snake_case.</summary>
    public string SnakeCaseName { get; }

    /// <summary>The parameter type's name.</summary>
    public string TypeName { get; }

    /// <summary>The positional argument it binds from.</summary>
    public int Position { get; }

    /// <summary>Whether it may be missing and then gets <see langword="null"/>.</summary>
    public bool IsNullable { get; }

    /// <summary>Whether it takes all the keyword arguments as one object.</summary>
    public bool BindsWholeKeywordArguments { get; }
}
