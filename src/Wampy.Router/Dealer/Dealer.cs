using Wampy.Messages;
using Wampy.Payload;
using Wampy.Router.Matching;
using Wampy.Router.Realms;
using Wampy.Router.Sessions;

namespace Wampy.Router.Dealer;

/// <summary>
/// Routes calls of one realm: registrations (exact, prefix, wildcard; shared with an invocation policy),
/// calls and their results, progressive results, cancel (skip, kill, killnowait) and call timeouts.
/// </summary>
internal sealed class Dealer(RouterRealm realm)
{
    private static readonly IReadOnlyDictionary<string, object?> ProgressDetails = new Dictionary<string, object?> { ["progress"] = true };
    private readonly UriPatternTable<Registration> _registrations = new();
    private readonly Dictionary<long, Registration> _byId = [];
    private long _lastRegistrationId;

    public UriPatternTable<Registration> Registrations => _registrations;

    public Registration? FindById(long id) => _byId.GetValueOrDefault(id);

    public void Register(RouterSession session, RegisterMessage register)
    {
        WampWireNames.TryParseMatch(register.Options.GetString("match"), out var match);
        var invoke = WampWireNames.ParseInvocationPolicy(register.Options.GetString("invoke"));
        if (!Admit(session, RouterAction.Register, register.MessageType, register.RequestId, register.Procedure, match))
        {
            return;
        }

        lock (realm.Gate)
        {
            var registration = _registrations.Find(register.Procedure, match);
            var created = registration is null;
            if (registration is null)
            {
                registration = new Registration(++_lastRegistrationId, register.Procedure, match, invoke);
                _registrations.Add(register.Procedure, match, registration);
                _byId.Add(registration.Id, registration);
            }
            else if (registration.Callees.Exists(c => c.Session == session))
            {
                RouterErrors.Reply(session, register.MessageType, register.RequestId, WampErrorUris.ProcedureAlreadyExists,
                    $"This session has already registered '{register.Procedure}' ({match.ToWire()}).");
                return;
            }
            else if (registration.Invoke == WampInvocationPolicy.Single && invoke == WampInvocationPolicy.Single)
            {
                RouterErrors.Reply(session, register.MessageType, register.RequestId, WampErrorUris.ProcedureAlreadyExists,
                    $"'{register.Procedure}' ({match.ToWire()}) is already registered by another session with invoke 'single'; share it with a shared invocation policy on every callee.");
                return;
            }
            else if (registration.Invoke != invoke)
            {
                RouterErrors.Reply(session, register.MessageType, register.RequestId, "wamp.error.procedure_exists_with_different_invocation_policy",
                    $"'{register.Procedure}' ({match.ToWire()}) is registered by {registration.Callees.Count} other session(s) with invoke '{registration.Invoke.ToWire()}'; this registration asked for '{invoke.ToWire()}'.");
                return;
            }

            registration.Callees.Add((session, register.Options.GetBoolean("disclose_caller") == true));
            session.State.Registrations.Add(registration.Id, registration);
            session.Send(new RegisteredMessage(register.RequestId, registration.Id));
            if (created)
            {
                realm.Meta.RegistrationCreated(session, registration);
            }

            realm.Meta.Registered(session, registration);
        }
    }

    public void Unregister(RouterSession session, UnregisterMessage unregister)
    {
        lock (realm.Gate)
        {
            if (!session.State.Registrations.Remove(unregister.RegistrationId, out var registration))
            {
                RouterErrors.Reply(session, unregister.MessageType, unregister.RequestId, WampErrorUris.NoSuchRegistration,
                    $"This session has no registration {unregister.RegistrationId}.");
                return;
            }

            RemoveCallee(session, registration);
            session.Send(new UnregisteredMessage(unregister.RequestId));
        }
    }

    public void Call(RouterSession caller, CallMessage call)
    {
        if (!Admit(caller, RouterAction.Call, call.MessageType, call.RequestId, call.Procedure, WampMatch.Exact))
        {
            return;
        }

        lock (realm.Gate)
        {
            if (caller.State.Calls.ContainsKey(call.RequestId))
            {
                caller.Abort(WampErrorUris.ProtocolViolation, $"CALL request id {call.RequestId} is already used by a call in progress.");
                return;
            }

            if (caller.State.Calls.Count >= realm.Router.Options.MaxPendingCallsPerSession)
            {
                RouterErrors.Reply(caller, call.MessageType, call.RequestId, TooManyPendingCalls,
                    $"This session already has {caller.State.Calls.Count} calls waiting for results (MaxPendingCallsPerSession).");
                return;
            }

            if (realm.Meta.TryCall(caller, call))
            {
                realm.Router.Telemetry.Calls.Add(1, realm.Tag);
                return;
            }

            if (RouterUris.IsReserved(call.Procedure))
            {
                // A wamp. procedure the router does not implement never reaches a client.
                RouterErrors.Reply(caller, call.MessageType, call.RequestId, WampErrorUris.NoSuchProcedure, $"The router does not implement '{call.Procedure}'.");
                return;
            }

            var registration = _registrations.MatchBest(call.Procedure);
            if (registration is null)
            {
                RouterErrors.Reply(caller, call.MessageType, call.RequestId, WampErrorUris.NoSuchProcedure, $"No callee has registered '{call.Procedure}'.");
                return;
            }

            var (callee, discloseCaller) = registration.Pick();
            // Progress is asked of the callee only when it announced it can send progressive results.
            var receiveProgress = call.Options.GetBoolean("receive_progress") == true && callee.SupportsProgressiveResults;
            var invocation = new Invocation(caller, call.RequestId, callee, ++callee.State.LastInvocationId, receiveProgress);
            caller.State.Calls.Add(call.RequestId, invocation);
            callee.State.Invocations.Add(invocation.InvocationId, invocation);
            if (call.Options.GetInt64("timeout") is > 0 and var timeout)
            {
                invocation.Timeout = realm.Router.TimeProvider.CreateTimer(
                    static state => ((Invocation)state!).Caller.Realm?.Dealer.TimedOut((Invocation)state!),
                    invocation, TimeSpan.FromMilliseconds(timeout), Timeout.InfiniteTimeSpan);
            }

            realm.Router.Telemetry.Calls.Add(1, realm.Tag);
            var forward = Diagnostics.RouterTrace.Route(call.Options, call.Procedure, realm.Name, out var route);
            route?.SetTag("rpc.method", call.Procedure);
            var details = InvocationDetails(caller, call, registration, receiveProgress, discloseCaller);
            if (forward is not null)
            {
                foreach (var (key, value) in forward)
                {
                    details[key] = value;
                }
            }

            callee.Send(new InvocationMessage(
                invocation.InvocationId,
                registration.Id,
                details,
                call.Arguments,
                call.ArgumentsKw) { Payload = call.Payload });
            route?.Dispose();
        }
    }

    public void Yield(RouterSession callee, YieldMessage yield)
    {
        lock (realm.Gate)
        {
            if (!TryFindInvocation(callee, yield.RequestId, "YIELD", out var invocation))
            {
                return;
            }

            if (yield.Options.GetBoolean("progress") == true)
            {
                if (invocation.ReceiveProgress)
                {
                    invocation.Caller.Send(new ResultMessage(invocation.CallRequestId, ProgressDetails, yield.Arguments, yield.ArgumentsKw) { Payload = yield.Payload });
                }

                return;
            }

            Complete(invocation);
            invocation.Caller.Send(new ResultMessage(invocation.CallRequestId, WampDictionary.Empty, yield.Arguments, yield.ArgumentsKw) { Payload = yield.Payload });
        }
    }

    public void InvocationFailed(RouterSession callee, ErrorMessage error)
    {
        lock (realm.Gate)
        {
            if (!TryFindInvocation(callee, error.RequestId, "ERROR", out var invocation))
            {
                return;
            }

            Complete(invocation);
            invocation.Caller.Send(new ErrorMessage(WampMessageType.Call, invocation.CallRequestId, error.Details, error.Error, error.Arguments, error.ArgumentsKw) { Payload = error.Payload });
        }
    }

    public void Cancel(RouterSession caller, CancelMessage cancel)
    {
        lock (realm.Gate)
        {
            if (!caller.State.Calls.TryGetValue(cancel.RequestId, out var invocation))
            {
                // Already answered: the cancel crossed the result.
                return;
            }

            var mode = cancel.Options.GetString("mode") ?? "killnowait";
            if (!invocation.Callee.SupportsInterrupt)
            {
                mode = "skip";
            }

            if (mode == "kill")
            {
                if (!invocation.Interrupted)
                {
                    invocation.Interrupted = true;
                    invocation.Callee.Send(new InterruptMessage(invocation.InvocationId, new Dictionary<string, object?> { ["mode"] = "kill" }));
                }

                return;
            }

            Abandon(invocation, mode == "killnowait" ? "killnowait" : null, "The call was canceled.");
        }
    }

    public void TimedOut(Invocation invocation)
    {
        lock (realm.Gate)
        {
            if (invocation.Caller.State.Calls.GetValueOrDefault(invocation.CallRequestId) == invocation)
            {
                Abandon(invocation, invocation.Callee.SupportsInterrupt ? "killnowait" : null, "timeout reached");
            }
        }
    }

    /// <summary>
    /// Removes a registration from every callee (meta procedure <c>wamp.registration.remove</c>): each callee gets
    /// UNREGISTERED without a request id, naming the registration and the reason.
    /// </summary>
    public void Revoke(long registrationId, string reason)
    {
        if (!_byId.TryGetValue(registrationId, out var registration))
        {
            return;
        }

        var details = new Dictionary<string, object?> { ["registration"] = registrationId, ["reason"] = reason };
        foreach (var (callee, _) in registration.Callees.ToList())
        {
            callee.State.Registrations.Remove(registrationId);
            RemoveCallee(callee, registration);
            if (callee.SupportsRegistrationRevocation)
            {
                callee.Send(new UnregisteredMessage(0, details)); // the spec forbids it to a callee that did not announce the feature
            }
        }
    }

    /// <summary>Cleans up after a session that left: its registrations, the calls it made and the calls it owed.</summary>
    public void SessionLeft(RouterSession session)
    {
        foreach (var registration in session.State.Registrations.Values)
        {
            RemoveCallee(session, registration);
        }

        session.State.Registrations.Clear();
        foreach (var invocation in session.State.Invocations.Values.ToList())
        {
            Complete(invocation);
            invocation.Caller.Send(RouterErrors.Error(WampMessageType.Call, invocation.CallRequestId, WampErrorUris.Canceled, "The callee left before answering."));
        }

        foreach (var invocation in session.State.Calls.Values.ToList())
        {
            Complete(invocation);
            if (invocation.Callee.SupportsInterrupt)
            {
                invocation.Callee.Send(new InterruptMessage(invocation.InvocationId, new Dictionary<string, object?> { ["mode"] = "killnowait" }));
            }
        }
    }

    private void Abandon(Invocation invocation, string? interruptMode, string reason)
    {
        Complete(invocation);
        if (interruptMode is not null)
        {
            invocation.Callee.Send(new InterruptMessage(invocation.InvocationId, new Dictionary<string, object?> { ["mode"] = interruptMode }));
        }

        invocation.Caller.Send(RouterErrors.Error(WampMessageType.Call, invocation.CallRequestId, WampErrorUris.Canceled, reason));
    }

    private static void Complete(Invocation invocation)
    {
        invocation.Caller.State.Calls.Remove(invocation.CallRequestId);
        invocation.Callee.State.Invocations.Remove(invocation.InvocationId);
        invocation.Timeout?.Dispose();
    }

    private static bool TryFindInvocation(RouterSession callee, long requestId, string what, out Invocation invocation)
    {
        if (callee.State.Invocations.TryGetValue(requestId, out invocation!))
        {
            return true;
        }

        if (requestId > callee.State.LastInvocationId)
        {
            callee.Abort(WampErrorUris.ProtocolViolation, $"{what} for INVOCATION {requestId}, which the router never sent.");
        }

        // Otherwise a late answer to a call that was canceled, timed out or whose caller left: dropped.
        return false;
    }

    private void RemoveCallee(RouterSession session, Registration registration)
    {
        if (!registration.Remove(session))
        {
            return;
        }

        realm.Meta.Unregistered(session, registration);
        if (registration.Callees.Count == 0)
        {
            _registrations.Remove(registration.Uri, registration.Match);
            _byId.Remove(registration.Id);
            realm.Meta.RegistrationDeleted(session, registration);
        }
    }

    private static Dictionary<string, object?> InvocationDetails(
        RouterSession caller, CallMessage call, Registration registration, bool receiveProgress, bool discloseCaller)
    {
        var details = new Dictionary<string, object?>();
        if (registration.Match != WampMatch.Exact)
        {
            details["procedure"] = call.Procedure;
        }

        if (receiveProgress)
        {
            details["receive_progress"] = true;
        }

        if (discloseCaller || call.Options.GetBoolean("disclose_me") == true)
        {
            details["caller"] = caller.Id;
            details["caller_authid"] = caller.AuthId;
            details["caller_authrole"] = caller.AuthRole;
        }

        return details;
    }

    /// <summary>The error of a call beyond <see cref="WampRouterOptions.MaxPendingCallsPerSession"/>.</summary>
    public const string TooManyPendingCalls = "wampy.error.too_many_pending_calls";

    private bool Admit(RouterSession session, RouterAction action, WampMessageType type, long requestId, string uri, WampMatch match)
    {
        var problem = WampUri.Explain(uri, match, realm.Router.Options.StrictUris);
        if (problem is not null)
        {
            RouterErrors.Reply(session, type, requestId, WampErrorUris.InvalidUri, $"'{uri}' is not a valid procedure URI: {problem}.");
            return false;
        }

        if (action == RouterAction.Register && RouterUris.MayMatchReserved(uri, match))
        {
            RouterErrors.Reply(session, type, requestId, WampErrorUris.NotAuthorized,
                $"'{uri}' ({match.ToWire()}) can match URIs of the wamp. namespace, which belongs to the router.");
            return false;
        }

        if (action == RouterAction.Call && RouterUris.IsSessionControl(uri) && !realm.Authorizer.IsGranted(session.AuthRole, action, uri))
        {
            RouterErrors.Reply(session, type, requestId, WampErrorUris.NotAuthorized,
                $"'{uri}' acts on other sessions: role '{session.AuthRole}' needs a permission that grants it (realms without roles grant it to nobody).");
            return false;
        }

        if (!realm.Authorizer.IsAllowed(session.AuthRole, action, uri, match))
        {
            RouterErrors.Reply(session, type, requestId, WampErrorUris.NotAuthorized,
                $"Role '{session.AuthRole}' may not {action.ToString().ToLowerInvariant()} '{uri}'.");
            return false;
        }

        return true;
    }
}
