namespace Wampy.Router.Realms;

/// <summary>The four actions a role's permissions cover.</summary>
internal enum RouterAction
{
    Call,
    Register,
    Publish,
    Subscribe,
}
