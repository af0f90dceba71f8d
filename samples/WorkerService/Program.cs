using Wampy.Hosting;
using WorkerService;

var builder = Host.CreateApplicationBuilder(args);

// Until Wampy ships its embedded router, the sample starts the fox-wamp router the tests use (Node.js).
if (builder.Configuration.GetValue<bool>("DevelopmentRouter:Enabled"))
{
    builder.Services.AddHostedService<DevelopmentRouter>();
}

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddWampy(builder.Configuration.GetSection(WampyOptions.SectionName))
    .AddHandlersFromAssembly(typeof(Program).Assembly);
builder.Services.AddHealthChecks().AddWampy();
builder.Services.AddHostedService<DemoJob>();

await builder.Build().RunAsync();
