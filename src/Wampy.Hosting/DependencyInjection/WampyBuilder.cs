using Microsoft.Extensions.DependencyInjection;

namespace Wampy.Hosting;

internal sealed class WampyBuilder(IServiceCollection services) : IWampyBuilder
{
    public IServiceCollection Services { get; } = services;
}
