using Wampy.Hosting;
using WorkerService;

var builder = Host.CreateApplicationBuilder(args);

// The embedded router (WampyRouter:Enabled, true in appsettings.json) makes the sample self-contained.
// Point Wampy:Url at Crossbar.io or Bondy and set WampyRouter:Enabled to false to use a real router.
builder.Services.AddWampyRouter(builder.Configuration.GetSection("WampyRouter"));

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddWampy(builder.Configuration.GetSection(WampyOptions.SectionName))
    .AddWampyHandlers()    // the handler classes of this project, described at compile time by Wampy's generator
    .AddJsonTypeInfoResolver(SampleJsonContext.Default);   // the sample's own payload types, without reflection
builder.Services.AddHealthChecks().AddWampy().AddWampyRouter();
builder.Services.AddHostedService<DemoJob>();
builder.Services.AddSampleTelemetry(builder.Configuration.GetSection("Telemetry"));

await builder.Build().RunAsync();
