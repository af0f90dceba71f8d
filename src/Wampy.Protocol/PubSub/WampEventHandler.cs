namespace Wampy;

/// <summary>Handles an event. Exceptions are logged and do not affect other handlers or the session.</summary>
/// <param name="event">The event.</param>
/// <param name="cancellationToken">Cancelled when the session ends.</param>
/// <returns>A task that completes when the event is handled; the next event of the subscription waits for it.</returns>
public delegate ValueTask WampEventHandler(WampEvent @event, CancellationToken cancellationToken);
