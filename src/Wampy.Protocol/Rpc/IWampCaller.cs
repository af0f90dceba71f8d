namespace Wampy;

/// <summary>Something that calls procedures: a <see cref="WampClient"/>, or the hosted client of Wampy.Hosting. Typed proxies work on any.</summary>
public interface IWampCaller
{
    /// <summary>Calls a procedure and returns the whole result.</summary>
    /// <param name="procedure">The procedure URI.</param>
    /// <param name="arguments">Positional arguments, or <see langword="null"/>.</param>
    /// <param name="argumentsKw">Keyword arguments (a dictionary or an object), or <see langword="null"/>.</param>
    /// <param name="options">Call options, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops waiting for the result.</param>
    /// <returns>The result.</returns>
    Task<WampResult> CallAsync(
        string procedure,
        object?[]? arguments = null,
        object? argumentsKw = null,
        CallOptions? options = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Calls a procedure asking for progressive results (<c>receive_progress</c>): yields each progressive result as
    /// the callee sends it, then the final result (<see cref="WampResult.IsProgress"/> is false on it). Leaving the
    /// loop before the final result, the token, or the timeout cancels the call (CANCEL with <see cref="CallOptions.CancelMode"/>).
    /// </summary>
    /// <param name="procedure">The procedure URI.</param>
    /// <param name="arguments">Positional arguments, or <see langword="null"/>.</param>
    /// <param name="argumentsKw">Keyword arguments (a dictionary or an object), or <see langword="null"/>.</param>
    /// <param name="options">Call options, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The progressive results, then the final one.</returns>
    IAsyncEnumerable<WampResult> StreamAsync(
        string procedure,
        object?[]? arguments = null,
        object? argumentsKw = null,
        CallOptions? options = null,
        CancellationToken cancellationToken = default);
}
