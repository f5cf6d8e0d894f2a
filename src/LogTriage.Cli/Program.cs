using LogTriage.Cli;

return await CommandLine.RunAsync(args, Terminal.FromConsole());
