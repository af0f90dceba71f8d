namespace Wampy.Session;

/// <summary>
/// Work the receive loop hands off (a reply to settle, an invocation, a subscription's queued events). It runs on the
/// thread pool as part of its session's burst (see <c>WampSession.Bursts.cs</c>): counted from the moment it is queued
/// until its synchronous part is done, so that what it sends can leave with the rest of the burst.
/// </summary>
internal abstract class DispatchedWorkItem : IThreadPoolWorkItem
{
    /// <summary>The session whose burst this item belongs to.</summary>
    protected abstract WampSession Session { get; }

    /// <summary>The work itself.</summary>
    protected abstract void Run();

    /// <remarks>
    /// Nothing thrown here may reach the thread pool, which would end the process: it is logged instead. The work
    /// itself catches what it expects (a handler's exception becomes an ERROR; a continuation's stays in its task).
    /// </remarks>
    void IThreadPoolWorkItem.Execute()
    {
        var session = Session;
        try
        {
            var previous = session.BeginDispatched();
            try
            {
                Run();
            }
            finally
            {
                session.EndDispatched(previous);
            }
        }
        catch (Exception ex)
        {
            session.OnDispatchedWorkFailed(ex);
        }
    }
}
