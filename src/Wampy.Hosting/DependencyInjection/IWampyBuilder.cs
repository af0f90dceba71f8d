using Microsoft.Extensions.DependencyInjection;

namespace Wampy.Hosting;

/// <summary>Configures Wampy after <c>AddWampy</c>: handler classes, options, the reconnect pipeline. Methods chain.</summary>
public interface IWampyBuilder
{
    /// <summary>The application's services.</summary>
    IServiceCollection Services { get; }
}
