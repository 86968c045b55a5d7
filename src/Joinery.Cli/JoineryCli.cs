using System.CommandLine;
using System.CommandLine.Help;
using System.Data.Common;
using System.Text.Json;
using Joinery.Cli.Commands;
using Joinery.Core;
using Joinery.Core.Common;
using Joinery.Core.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Cli;

/// <summary>
/// The <c>joinery</c> command. Configuration uses the web app's keys: <c>--Database:Provider=Postgres</c>,
/// <c>--ConnectionStrings:Joinery=...</c>, environment variables (<c>Database__Provider</c>) or appsettings.json.
/// </summary>
public static class JoineryCli
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TextReader stdin,
        IDictionary<string, string?>? settings = null)
    {
        var (configArgs, commandArgs) = SplitConfiguration(args);
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .AddCommandLine(configArgs)
            .Build();

        var context = new CliContext(configuration, stdout, stderr, stdin);
        var root = new RootCommand("Joinery: build and run a behavioral health – primary care partnership.");
        root.Subcommands.Add(DbCommands.Create(context));
        root.Subcommands.Add(AccountCommands.CreateUser(context));
        root.Subcommands.Add(AccountCommands.CreateOrganization(context));
        root.Subcommands.Add(PartnershipCommands.CreatePartnership(context));
        root.Subcommands.Add(PartnershipCommands.AddMember(context));
        root.Subcommands.Add(AccountCommands.CreateToken(context));
        root.Subcommands.Add(GlossaryCommands.Create(context));
        root.Subcommands.Add(NotifyCommands.Create(context));
        root.Subcommands.Add(DbCommands.Audit(context));
        root.Subcommands.Add(DbCommands.Demo(context));

        var parsed = root.Parse(commandArgs);
        if (parsed.Errors.Count > 0 && parsed.Action is not HelpAction)
        {
            // System.CommandLine would print every error and then the help text; scripts need one line.
            await stderr.WriteLineAsync($"error: {OneLine(parsed.Errors[0].Message)} (add --help for usage)");
            return 2;
        }
        try
        {
            // Without this, the default handler prints a stack trace and the catches below never run.
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (Settings.ProblemIn(e) is { } problem)
        {
            await stderr.WriteLineAsync($"error: {problem}");
            return 2;
        }
        catch (Core.Partnerships.PartnershipArchivedException e)
        {
            await stderr.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
        catch (Exception e) when (DatabaseFailure(e) is { } failure)
        {
            await stderr.WriteLineAsync($"error: the database could not be used: {OneLine(failure.Message)}");
            return 2;
        }
        catch (Exception e)
        {
            // A bug, not an expected failure: the one-line error first, then the details for a bug report.
            await stderr.WriteLineAsync($"error: unexpected {e.GetType().Name}: {OneLine(e.Message)}");
            await stderr.WriteLineAsync(e.ToString());
            return 70;
        }
    }

    /// <summary>The database error behind an exception (EF's execution strategies wrap them), if any.</summary>
    private static DbException? DatabaseFailure(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is DbException db)
            {
                return db;
            }
        }
        return null;
    }

    private static string OneLine(string message) => string.Join(' ', message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Arguments like --Database:Provider=Postgres are configuration, not command options.</summary>
    private static (string[] Configuration, string[] Command) SplitConfiguration(string[] args)
    {
        static bool IsSetting(string a) => a.StartsWith("--", StringComparison.Ordinal) && a.Contains(':', StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal)
            && a.IndexOf(':', StringComparison.Ordinal) < a.IndexOf('=', StringComparison.Ordinal);
        return (args.Where(IsSetting).ToArray(), args.Where(a => !IsSetting(a)).ToArray());
    }
}

/// <summary>What every command needs: configuration, the three streams, and a scope of core services.</summary>
public sealed class CliContext(IConfiguration configuration, TextWriter stdout, TextWriter stderr, TextReader stdin)
{
    public TextWriter Out => stdout;
    public TextWriter Error => stderr;
    public TextReader In => stdin;
    public IConfiguration Configuration => configuration;

    /// <summary>A scope acting across partnerships through the CLI door, with the schema brought up to date first.</summary>
    public async Task<AsyncServiceScope> OpenAsync(bool migrate = true, CancellationToken cancellationToken = default)
    {
        var services = new ServiceCollection();
        // Commands report on stdout/stderr themselves; stdout stays clean for scripts.
        services.AddLogging(logging => logging.AddJoineryRedaction());
        services.AddJoineryCore(configuration);
        var provider = services.BuildServiceProvider();
        if (Settings.Check(provider) is { } problem)
        {
            throw new SettingException(problem);
        }
        var scope = provider.CreateAsyncScope();
        var tenancy = scope.ServiceProvider.GetRequiredService<Tenancy>();
        tenancy.Door = Door.Cli;
        tenancy.ActAcrossPartnerships();
        if (migrate)
        {
            await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync(cancellationToken: cancellationToken);
        }
        return scope;
    }

    /// <summary>Prints a create command's result: the id alone, or a JSON object with --json.</summary>
    public async Task<int> CreatedAsync<T>(Outcome<T> outcome, bool json, Func<T, object> describe, Func<T, string> id)
    {
        if (!outcome.Succeeded)
        {
            return await FailAsync(outcome.FirstError);
        }
        await Out.WriteLineAsync(json ? JsonSerializer.Serialize(describe(outcome.Value!), JoineryCli.Json) : id(outcome.Value!));
        return 0;
    }

    public async Task<int> FailAsync(string message)
    {
        await Error.WriteLineAsync($"error: {message.ReplaceLineEndings(" ")}");
        return 1;
    }
}
