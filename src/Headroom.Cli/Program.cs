using Headroom.Cli;

return await CommandRunner.InvokeAsync(CliApp.CreateRootCommand(), args);
