namespace Wampy.TestPeers;

/// <summary>Every wait in the tests is bounded: a hang is a failure with a message, never a stuck run.</summary>
public static class TaskTimeouts
{
    /// <summary>The default bound of a wait.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(15);

    /// <summary>Waits for the task at most <see cref="Default"/>.</summary>
    public static Task<T> Within<T>(this Task<T> task) => task.WaitAsync(Default);

    /// <summary>Waits for the task at most <see cref="Default"/>.</summary>
    public static Task Within(this Task task) => task.WaitAsync(Default);

    /// <summary>Creates a completion source whose continuations run asynchronously.</summary>
    public static TaskCompletionSource<T> Signal<T>() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
