using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wampy;
using Wampy.Hosting;
using Wampy.Testing;
using WorkerService.Handlers;

namespace WorkerService.Tests;

/// <summary>
/// The sample's handlers, hosted exactly as the worker hosts them, against an embedded router per test class:
/// the pattern the README recommends for testing your own handlers.
/// </summary>
public sealed class SampleHandlerTests(WampRouterFixture router) : IClassFixture<WampRouterFixture>
{
    [Fact]
    public async Task Get_binary_number_answers_through_the_router()
    {
        await using var worker = await router.StartWorkerAsync(wampy => wampy.AddHandler<BinaryNumberService>());
        await using var client = await router.ConnectAsync();

        Assert.Equal("0b1100100", await client.CallAsync<string>("get_binary_number", [100]));
    }

    [Fact]
    public async Task Get_todays_date_uses_the_injected_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 7, 4, 12, 0, 0, TimeSpan.Zero));
        clock.SetLocalTimeZone(TimeZoneInfo.Utc);
        await using var worker = await router.StartWorkerAsync(
            wampy => wampy.AddHandler<DateService>(),
            services => services.AddSingleton<TimeProvider>(clock));
        await using var client = await router.ConnectAsync();

        Assert.Equal("2031-07-04", await client.CallAsync<string>("get_todays_date"));
    }

    [Fact]
    public async Task A_bad_argument_is_an_invalid_argument_error_and_the_worker_keeps_serving()
    {
        await using var worker = await router.StartWorkerAsync(wampy => wampy.AddHandler<BinaryNumberService>());
        await using var client = await router.ConnectAsync();

        var failure = await Assert.ThrowsAsync<WampException>(() => client.CallAsync("get_binary_number", ["not a number"]));

        Assert.Equal("wamp.error.invalid_argument", failure.Error);
        Assert.Equal("0b11", await client.CallAsync<string>("get_binary_number", [3]));
    }

    [Fact]
    public async Task Wait_helpers_see_registrations_and_subscriptions_through_the_meta_api()
    {
        await using var own = new WampRouterFixture();
        await own.InitializeAsync();
        var registered = own.WaitForRegistrationAsync("get_binary_number");
        var subscribed = own.WaitForSubscriptionAsync("foo");
        Assert.False(registered.IsCompleted);

        await using var worker = own.CreateWorker(wampy => wampy.AddHandler<BinaryNumberService>().AddHandler<SubscribingService>());
        await worker.StartAsync();

        await registered;
        await subscribed;
        await Assert.ThrowsAsync<TimeoutException>(() => own.WaitForRegistrationAsync("nobody.registers.this", TimeSpan.FromMilliseconds(200)));
    }
}
