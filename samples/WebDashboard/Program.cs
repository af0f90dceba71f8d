using Wampy.Hosting;
using WebDashboard;

var builder = WebApplication.CreateBuilder(args);

// The router lives in this app: same port, same pipeline, same logging (see app.MapWamp below).
builder.Services.AddWampyRouter(builder.Configuration.GetSection("WampyRouter"));

// The app's own WAMP session: it serves the worker sample's procedures and publishes the live value.
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddWampy(builder.Configuration.GetSection(WampyOptions.SectionName))
    .AddWampyHandlers()    // BinaryNumberService, DateService, SubscribingService: described at compile time
    .AddJsonTypeInfoResolver(WorkerService.SampleJsonContext.Default);
builder.Services.AddHostedService<LiveValuePublisher>();
builder.Services.AddHealthChecks().AddWampy().AddWampyRouter();

var app = builder.Build();
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapWamp("/ws");
app.MapHealthChecks("/health");
app.Run();
