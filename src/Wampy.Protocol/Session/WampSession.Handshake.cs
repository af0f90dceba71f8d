using System.Buffers;
using Wampy.Authentication;
using Wampy.Messages;
using Wampy.Payload;

namespace Wampy.Session;

internal sealed partial class WampSession
{
    private async Task HandshakeAsync(CancellationToken cancellationToken)
    {
        var frame = new ArrayBufferWriter<byte>(4096);
        await SendDirectAsync(new HelloMessage(_options.Realm!, BuildHelloDetails()), frame, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            frame.ResetWrittenCount();
            if (!await _connection.ReceiveAsync(frame, cancellationToken).ConfigureAwait(false))
            {
                throw new WampConnectionException(
                    $"The router at {_options.Url} closed the connection while joining realm '{_options.Realm}'.");
            }

            var received = _serializer.Deserialize(frame.WrittenMemory);
            FrameTrace.Received(_logger, received);
            switch (received)
            {
                case WelcomeMessage welcome:
                    SessionId = welcome.SessionId;
                    WelcomeDetails = welcome.Details;
                    return;
                case AbortMessage abort:
                    throw new WampSessionAbortedException(
                        abort.Reason, _options.Realm!, abort.Details, _options.Authentication.AuthId, [.. _context.Authenticators.Select(a => a.AuthMethod)]);
                case ChallengeMessage challenge:
                    var response = await AuthenticateAsync(challenge, cancellationToken).ConfigureAwait(false);
                    frame.ResetWrittenCount();
                    await SendDirectAsync(
                        new AuthenticateMessage(response.Signature, response.Extra ?? WampDictionary.Empty), frame, cancellationToken)
                        .ConfigureAwait(false);
                    break;
                case var other:
                    throw new WampProtocolViolationException(
                        $"The router sent {other.MessageType.ToString().ToUpperInvariant()} before WELCOME.");
            }
        }
    }

    private async ValueTask<Authentication.WampAuthenticationResponse> AuthenticateAsync(ChallengeMessage challenge, CancellationToken cancellationToken)
    {
        foreach (var authenticator in _context.Authenticators)
        {
            if (authenticator.AuthMethod == challenge.AuthMethod)
            {
                return await authenticator.AuthenticateAsync(challenge, cancellationToken).ConfigureAwait(false);
            }
        }

        throw new WampException(
            WampErrorUris.NoAuthMethod,
            $"The router challenged with '{challenge.AuthMethod}', which this client did not offer.");
    }

    private async Task SendDirectAsync(WampMessage message, ArrayBufferWriter<byte> buffer, CancellationToken cancellationToken)
    {
        buffer.ResetWrittenCount();
        _serializer.Serialize(message, buffer);
        FrameTrace.Sent(_logger, message);
        await _connection.SendAsync(buffer.WrittenMemory, flush: true, cancellationToken).ConfigureAwait(false);
    }

    private Dictionary<string, object?> BuildHelloDetails()
    {
        var details = new Dictionary<string, object?>
        {
            ["agent"] = _options.Agent,
            ["roles"] = new Dictionary<string, object?>
            {
                ["caller"] = Features(
                    ("call_canceling", true), ("call_timeout", true), ("caller_identification", true), ("progressive_call_results", true)),
                ["callee"] = Features(
                    ("call_canceling", true), ("caller_identification", true), ("pattern_based_registration", true),
                    ("shared_registration", true), ("progressive_call_results", true), ("registration_revocation", true)),
                ["publisher"] = Features(
                    ("publisher_exclusion", true), ("publisher_identification", true), ("subscriber_blackwhite_listing", true)),
                ["subscriber"] = Features(
                    ("pattern_based_subscription", true), ("publisher_identification", true), ("subscription_revocation", true)),
            },
        };

        if (_context.Authenticators.Count > 0)
        {
            var methods = new object?[_context.Authenticators.Count];
            var extra = new Dictionary<string, object?>();
            for (var i = 0; i < methods.Length; i++)
            {
                methods[i] = _context.Authenticators[i].AuthMethod;
                foreach (var (key, value) in _context.Authenticators[i].AuthExtra ?? WampDictionary.Empty)
                {
                    extra[key] = value;
                }
            }

            details["authmethods"] = methods;
            if (extra.Count > 0)
            {
                details["authextra"] = extra;
            }
        }

        if (_options.Authentication.AuthId is not null)
        {
            details["authid"] = _options.Authentication.AuthId;
        }

        if (_options.Authentication.AuthRole is not null)
        {
            details["authrole"] = _options.Authentication.AuthRole;
        }

        return details;

        static Dictionary<string, object?> Features(params (string Name, bool On)[] features)
        {
            var map = new Dictionary<string, object?>();
            foreach (var (name, on) in features)
            {
                if (on)
                {
                    map[name] = true;
                }
            }

            return new Dictionary<string, object?> { ["features"] = map };
        }
    }
}
