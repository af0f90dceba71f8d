using System.Buffers;
using Wampy.Messages;
using Wampy.Payload;
using Wampy.Router.Authentication;

namespace Wampy.Router.Sessions;

internal sealed partial class RouterSession
{
    private async Task<bool> HandshakeAsync()
    {
        using var deadline = new CancellationTokenSource(_router.Options.HandshakeTimeout, _router.TimeProvider);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_closing.Token, deadline.Token);
        var frame = new ArrayBufferWriter<byte>(1024);
        try
        {
            var first = await ReceiveOneAsync(frame, timeout.Token).ConfigureAwait(false);
            if (first is null)
            {
                return false;
            }

            if (first is not HelloMessage hello)
            {
                Abort(WampErrorUris.ProtocolViolation, $"The first message must be HELLO, not {first.MessageType.ToString().ToUpperInvariant()}.");
                return false;
            }

            var realm = _router.FindRealm(hello.Realm);
            if (realm is null)
            {
                Abort(WampErrorUris.NoSuchRealm, $"The router has no realm '{hello.Realm}'.");
                return false;
            }

            Id = _router.NewSessionId();
            AuthenticationStep step;
            try
            {
                step = realm.Authenticator.Begin(hello, Id, _transportIdentity);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The app's IdentifyUser threw: refuse this client, keep the router running.
                Diagnostics.Log.IdentifyUserFailed(_logger, PeerAddress, ex);
                Abort(WampErrorUris.AuthenticationFailed, "The application could not identify the HTTP user.");
                return false;
            }

            if (step.Challenge is not null)
            {
                Send(step.Challenge);
                var reply = await ReceiveOneAsync(frame, timeout.Token).ConfigureAwait(false);
                if (reply is null)
                {
                    return false;
                }

                if (reply is not AuthenticateMessage authenticate)
                {
                    Abort(WampErrorUris.ProtocolViolation, $"Expected AUTHENTICATE after CHALLENGE, got {reply.MessageType.ToString().ToUpperInvariant()}.");
                    return false;
                }

                step = step.Verify(authenticate);
            }

            if (!step.IsAdmitted)
            {
                if (step.Error == WampErrorUris.AuthenticationFailed)
                {
                    var authId = hello.Details.GetString("authid");
                    _router.Telemetry.FailedAuthentications.Add(1, new KeyValuePair<string, object?>("wamp.realm", realm.Name));
                    var (delay, log) = _router.AuthenticationThrottle.Failed(authId, PeerAddress);
                    if (delay > TimeSpan.Zero)
                    {
                        await Task.Delay(delay, _router.TimeProvider, _closing.Token).ConfigureAwait(false);
                    }

                    AbortQuietly(step.Error, step.Message!, log);
                    return false;
                }

                Abort(step.Error!, step.Message!);
                return false;
            }

            _router.AuthenticationThrottle.Succeeded(step.AuthId!);
            AuthId = step.AuthId!;
            AuthRole = step.AuthRole!;
            AuthMethod = step.AuthMethod!;
            SupportsInterrupt = CalleeFeature(hello.Details, "call_canceling");
            SupportsProgressiveResults = CalleeFeature(hello.Details, "progressive_call_results");
            SupportsRegistrationRevocation = CalleeFeature(hello.Details, "registration_revocation");
            SupportsSubscriptionRevocation = Feature(hello.Details, "subscriber", "subscription_revocation");
            Realm = realm;
            realm.Join(this);
            return true;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !_closing.IsCancellationRequested)
        {
            Abort(WampErrorUris.ProtocolViolation, $"The handshake did not complete within {_router.Options.HandshakeTimeout.TotalSeconds:0.#} s.");
            return false;
        }
    }

    private async Task<WampMessage?> ReceiveOneAsync(ArrayBufferWriter<byte> frame, CancellationToken cancellationToken)
    {
        frame.ResetWrittenCount();
        return await _connection.ReceiveAsync(frame, cancellationToken).ConfigureAwait(false)
            ? _connection.Serializer.Deserialize(frame.WrittenMemory)
            : null;
    }

    private static bool CalleeFeature(IReadOnlyDictionary<string, object?> details, string feature) => Feature(details, "callee", feature);

    /// <summary>Whether the client announced <paramref name="feature"/> for <paramref name="role"/> in HELLO.</summary>
    private static bool Feature(IReadOnlyDictionary<string, object?> details, string role, string feature) =>
        details.GetDictionary("roles").GetDictionary(role).GetDictionary("features").GetBoolean(feature) == true;
}
