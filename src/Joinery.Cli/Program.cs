using Joinery.Cli;

return await JoineryCli.RunAsync(args, Console.Out, Console.Error, Console.In);

/// <summary>The CLI's entry point stays internal, so the test project sees only the web host's public <c>Program</c>.</summary>
internal sealed partial class Program;
