namespace Wampy;

/// <summary>Error and close reason URIs defined by the WAMP specification.</summary>
public static class WampErrorUris
{
    /// <summary>No callee has registered the procedure.</summary>
    public const string NoSuchProcedure = "wamp.error.no_such_procedure";
    /// <summary>The arguments do not fit what the procedure expects.</summary>
    public const string InvalidArgument = "wamp.error.invalid_argument";
    /// <summary>The URI given is not a valid WAMP URI.</summary>
    public const string InvalidUri = "wamp.error.invalid_uri";
    /// <summary>The session is not allowed to do this.</summary>
    public const string NotAuthorized = "wamp.error.not_authorized";
    /// <summary>The call was canceled.</summary>
    public const string Canceled = "wamp.error.canceled";
    /// <summary>The procedure is already registered (and shared registration was not requested).</summary>
    public const string ProcedureAlreadyExists = "wamp.error.procedure_already_exists";
    /// <summary>No such registration (e.g. UNREGISTER of an unknown id).</summary>
    public const string NoSuchRegistration = "wamp.error.no_such_registration";
    /// <summary>No such subscription (e.g. UNSUBSCRIBE of an unknown id).</summary>
    public const string NoSuchSubscription = "wamp.error.no_such_subscription";
    /// <summary>The realm does not exist.</summary>
    public const string NoSuchRealm = "wamp.error.no_such_realm";
    /// <summary>The role does not exist.</summary>
    public const string NoSuchRole = "wamp.error.no_such_role";
    /// <summary>None of the offered authentication methods is acceptable.</summary>
    public const string NoAuthMethod = "wamp.error.no_auth_method";
    /// <summary>Authentication failed.</summary>
    public const string AuthenticationFailed = "wamp.error.authentication_failed";
    /// <summary>A peer broke the protocol.</summary>
    public const string ProtocolViolation = "wamp.error.protocol_violation";
    /// <summary>The router is shutting down.</summary>
    public const string SystemShutdown = "wamp.close.system_shutdown";
    /// <summary>A normal session close.</summary>
    public const string CloseNormal = "wamp.close.normal";
    /// <summary>The reply to a GOODBYE.</summary>
    public const string GoodbyeAndOut = "wamp.close.goodbye_and_out";
    /// <summary>A callee failed in a way it did not describe; Wampy's callees use it for unhandled exceptions.</summary>
    public const string RuntimeError = "wamp.error.runtime_error";
    /// <summary>The call timed out (client-side timeout or router-enforced).</summary>
    public const string Timeout = "wamp.error.timeout";
}
