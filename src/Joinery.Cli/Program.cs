using Joinery.Cli;

return await JoineryCli.RunAsync(args, Console.Out, Console.Error, Console.In);
