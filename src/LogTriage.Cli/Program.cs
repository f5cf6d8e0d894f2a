using LogTriage.Cli;

return await CommandLine.RunAsync(args, new Terminal(Console.OpenStandardInput, Console.Out, Console.Error));
