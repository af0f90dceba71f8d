using Wampy.Cli;

return await WampyCommandLine.RunAsync(args);
