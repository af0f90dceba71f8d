using System.Collections.Frozen;

namespace Wampy.Messages;

/// <summary>
/// Checks the well-known entries of a message's Options or Details dictionary against the types the WAMP
/// specification gives them (e.g. PUBLISH <c>acknowledge</c> is a boolean, EVENT <c>publisher</c> an id).
/// Unknown keys are allowed: peers may add their own.
/// </summary>
internal static class WampMessageValidator
{
    private enum Rule
    {
        Boolean,
        Id,
        NonNegativeInteger,
        String,
        IdList,
        StringList,
        DictionaryList,
        Match,
        Invoke,
        EncryptionAlgorithm,
        CancelMode,
    }

    private static readonly (string Key, Rule Rule)[] ForwardFor = [("forward_for", Rule.DictionaryList)];

    private static readonly FrozenDictionary<WampMessageType, (string Key, Rule Rule)[]> Rules =
        new Dictionary<WampMessageType, (string Key, Rule Rule)[]>
        {
            [WampMessageType.Publish] =
            [
                ("acknowledge", Rule.Boolean), ("exclude_me", Rule.Boolean), ("exclude", Rule.IdList),
                ("exclude_authid", Rule.StringList), ("exclude_authrole", Rule.StringList), ("eligible", Rule.IdList),
                ("eligible_authid", Rule.StringList), ("eligible_authrole", Rule.StringList), ("retain", Rule.Boolean),
                ("disclose_me", Rule.Boolean), ("transaction_hash", Rule.String), ("forward_for", Rule.DictionaryList),
                ("enc_algo", Rule.EncryptionAlgorithm), ("enc_serializer", Rule.String),
            ],
            [WampMessageType.Event] =
            [
                ("publisher", Rule.Id), ("publisher_authid", Rule.String), ("publisher_authrole", Rule.String),
                ("topic", Rule.String), ("retained", Rule.Boolean), ("transaction_hash", Rule.String),
                ("x_acknowledged_delivery", Rule.Boolean), ("forward_for", Rule.DictionaryList),
                ("enc_algo", Rule.EncryptionAlgorithm), ("enc_serializer", Rule.String),
            ],
            [WampMessageType.Subscribe] = [("match", Rule.Match), ("get_retained", Rule.Boolean), ("forward_for", Rule.DictionaryList)],
            [WampMessageType.Register] =
            [
                ("match", Rule.Match), ("invoke", Rule.Invoke), ("disclose_caller", Rule.Boolean), ("forward_for", Rule.DictionaryList),
            ],
            [WampMessageType.Call] =
            [
                ("timeout", Rule.NonNegativeInteger), ("receive_progress", Rule.Boolean), ("disclose_me", Rule.Boolean),
                ("forward_for", Rule.DictionaryList), ("enc_algo", Rule.EncryptionAlgorithm),
            ],
            [WampMessageType.Invocation] =
            [
                ("caller", Rule.Id), ("caller_authid", Rule.String), ("caller_authrole", Rule.String), ("procedure", Rule.String),
                ("receive_progress", Rule.Boolean), ("timeout", Rule.NonNegativeInteger), ("forward_for", Rule.DictionaryList),
                ("enc_algo", Rule.EncryptionAlgorithm),
            ],
            [WampMessageType.Result] = [("progress", Rule.Boolean), ("forward_for", Rule.DictionaryList), ("enc_algo", Rule.EncryptionAlgorithm)],
            [WampMessageType.Yield] = [("progress", Rule.Boolean), ("forward_for", Rule.DictionaryList), ("enc_algo", Rule.EncryptionAlgorithm)],
            [WampMessageType.Error] = [("forward_for", Rule.DictionaryList), ("enc_algo", Rule.EncryptionAlgorithm)],
            [WampMessageType.Cancel] = [("mode", Rule.CancelMode), ("forward_for", Rule.DictionaryList)],
            [WampMessageType.Interrupt] = [("mode", Rule.CancelMode), ("forward_for", Rule.DictionaryList)],
            [WampMessageType.Unsubscribe] = ForwardFor,
            [WampMessageType.Unregister] = ForwardFor,
        }.ToFrozenDictionary();

    /// <summary>Throws when a well-known option or detail of <paramref name="message"/> has the wrong type or value.</summary>
    /// <param name="message">The message to check.</param>
    /// <exception cref="WampProtocolViolationException">An entry is invalid; the message names the entry.</exception>
    public static void Validate(WampMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var dictionary = message switch
        {
            PublishMessage m => m.Options,
            EventMessage m => m.Details,
            SubscribeMessage m => m.Options,
            RegisterMessage m => m.Options,
            CallMessage m => m.Options,
            InvocationMessage m => m.Details,
            ResultMessage m => m.Details,
            YieldMessage m => m.Options,
            ErrorMessage m => m.Details,
            CancelMessage m => m.Options,
            InterruptMessage m => m.Options,
            _ => null,
        };

        if (dictionary is null || dictionary.Count == 0 || !Rules.TryGetValue(message.MessageType, out var rules))
        {
            return;
        }

        foreach (var (key, rule) in rules)
        {
            if (dictionary.TryGetValue(key, out var value) && !IsValid(rule, value))
            {
                throw new WampProtocolViolationException(
                    $"{message.MessageType.ToString().ToUpperInvariant()} has an invalid '{key}': expected {Describe(rule)}, got {DescribeValue(value)}.");
            }
        }
    }

    private static bool IsValid(Rule rule, object? value) => rule switch
    {
        Rule.Boolean => value is bool,
        Rule.Id => IsId(value),
        Rule.NonNegativeInteger => value is long l ? l >= 0 : value is int i ? i >= 0 : value is ulong,
        Rule.String => value is string,
        Rule.IdList => IsListOf(value, IsId),
        Rule.StringList => IsListOf(value, static v => v is string),
        Rule.DictionaryList => IsListOf(value, static v => v is IReadOnlyDictionary<string, object?>),
        Rule.Match => value is "exact" or "prefix" or "wildcard",
        Rule.Invoke => value is "single" or "roundrobin" or "random" or "first" or "last",
        Rule.EncryptionAlgorithm => value is "cryptobox" or "mqtt" or "xbr",
        Rule.CancelMode => value is "skip" or "kill" or "killnowait",
        _ => true,
    };

    private static bool IsId(object? value) => value switch
    {
        long l => l is >= 0 and <= WampIds.MaxId,
        int i => i >= 0,
        _ => false,
    };

    private static bool IsListOf(object? value, Func<object?, bool> element)
    {
        if (value is not object?[] list)
        {
            return false;
        }

        foreach (var item in list)
        {
            if (!element(item))
            {
                return false;
            }
        }

        return true;
    }

    private static string Describe(Rule rule) => rule switch
    {
        Rule.Boolean => "a boolean",
        Rule.Id => "an integer id",
        Rule.NonNegativeInteger => "a non-negative integer",
        Rule.String => "a string",
        Rule.IdList => "a list of integer ids",
        Rule.StringList => "a list of strings",
        Rule.DictionaryList => "a list of dictionaries",
        Rule.Match => "one of exact, prefix, wildcard",
        Rule.Invoke => "one of single, roundrobin, random, first, last",
        Rule.EncryptionAlgorithm => "one of cryptobox, mqtt, xbr",
        Rule.CancelMode => "one of skip, kill, killnowait",
        _ => rule.ToString(),
    };

    private static string DescribeValue(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        bool b => b ? "true" : "false",
        object?[] => "a list",
        IReadOnlyDictionary<string, object?> => "a dictionary",
        _ => value.ToString() ?? value.GetType().Name,
    };
}
