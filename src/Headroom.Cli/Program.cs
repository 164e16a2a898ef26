using Headroom.Cli;

return await CliApp.RunAsync(args);
