using Wampy.Messages;
using Wampy.Payload;
using Wampy.Router.Sessions;

namespace Wampy.Router.Broker;

/// <summary>
/// Who receives a publication: publisher exclusion (<c>exclude_me</c>, default true) and subscriber
/// black- and whitelisting by session id, authid and authrole.
/// </summary>
internal sealed class PublicationFilter
{
    private readonly RouterSession? _publisher;
    private readonly bool _excludeMe;
    private readonly HashSet<long>? _exclude;
    private readonly HashSet<long>? _eligible;
    private readonly HashSet<string>? _excludeAuthId;
    private readonly HashSet<string>? _eligibleAuthId;
    private readonly HashSet<string>? _excludeAuthRole;
    private readonly HashSet<string>? _eligibleAuthRole;

    public PublicationFilter(RouterSession? publisher, PublishMessage? publish)
    {
        _publisher = publisher;
        var options = publish?.Options ?? WampDictionary.Empty;
        _excludeMe = options.GetBoolean("exclude_me") ?? true;
        if (options.Count == 0)
        {
            return;
        }

        _exclude = Ids(options, "exclude");
        _eligible = Ids(options, "eligible");
        _excludeAuthId = Strings(options, "exclude_authid");
        _eligibleAuthId = Strings(options, "eligible_authid");
        _excludeAuthRole = Strings(options, "exclude_authrole");
        _eligibleAuthRole = Strings(options, "eligible_authrole");
    }

    public bool Admits(RouterSession subscriber) =>
        !(_excludeMe && subscriber == _publisher) &&
        (_exclude is null || !_exclude.Contains(subscriber.Id)) &&
        (_eligible is null || _eligible.Contains(subscriber.Id)) &&
        (_excludeAuthId is null || !_excludeAuthId.Contains(subscriber.AuthId)) &&
        (_eligibleAuthId is null || _eligibleAuthId.Contains(subscriber.AuthId)) &&
        (_excludeAuthRole is null || !_excludeAuthRole.Contains(subscriber.AuthRole)) &&
        (_eligibleAuthRole is null || _eligibleAuthRole.Contains(subscriber.AuthRole));

    private static HashSet<long>? Ids(IReadOnlyDictionary<string, object?> options, string key) =>
        options.TryGetValue(key, out var value) && value is object?[] list
            ? list.Select(v => v switch { long l => l, int i => i, _ => -1L }).ToHashSet()
            : null;

    private static HashSet<string>? Strings(IReadOnlyDictionary<string, object?> options, string key) =>
        options.TryGetValue(key, out var value) && value is object?[] list
            ? list.OfType<string>().ToHashSet(StringComparer.Ordinal)
            : null;
}
