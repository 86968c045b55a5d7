using System.CommandLine;
using System.Text.Json;
using Joinery.Core.Audit;
using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Cli.Commands;

internal static class DbCommands
{
    public static Command Create(CliContext cli)
    {
        var db = new Command("db", "Schema migrations, backup and restore.");

        var migrate = new Command("migrate", "Apply pending schema migrations.");
        migrate.SetAction(async (_, ct) =>
        {
            await using var scope = await cli.OpenAsync(migrate: false, ct);
            var applied = await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync(cancellationToken: ct);
            var options = scope.ServiceProvider.GetRequiredService<DatabaseOptions>();
            await cli.Out.WriteLineAsync(applied.Count == 0
                ? $"{options.Describe()} is up to date."
                : $"Applied {string.Join(", ", applied)} to {options.Describe()}.");
            return 0;
        });
        db.Subcommands.Add(migrate);

        var outFile = new Option<string>("--out") { Description = "The backup file to write.", Required = true };
        var backup = new Command("backup", "Copy the SQLite database to a file, consistently, even while Joinery runs.") { outFile };
        backup.SetAction(async (parse, ct) =>
        {
            await using var scope = await cli.OpenAsync(migrate: false, ct);
            try
            {
                var written = await scope.ServiceProvider.GetRequiredService<Backups>().BackupAsync(parse.GetValue(outFile)!, ct);
                await cli.Out.WriteLineAsync(written);
                return 0;
            }
            catch (BackupException e)
            {
                return await cli.FailAsync(e.Message);
            }
        });
        db.Subcommands.Add(backup);

        var fromFile = new Option<string>("--from") { Description = "The backup file to restore.", Required = true };
        var force = new Option<bool>("--force") { Description = "Overwrite a database that already holds data." };
        var restore = new Command("restore", "Replace the SQLite database with a backup.") { fromFile, force };
        restore.SetAction(async (parse, ct) =>
        {
            await using (var scope = await cli.OpenAsync(migrate: false, ct))
            {
                try
                {
                    await scope.ServiceProvider.GetRequiredService<Backups>().RestoreAsync(parse.GetValue(fromFile)!, parse.GetValue(force), ct);
                }
                catch (BackupException e)
                {
                    return await cli.FailAsync(e.Message);
                }
            }
            await using (var scope = await cli.OpenAsync(migrate: true, ct))
            {
                await cli.Out.WriteLineAsync($"Restored {scope.ServiceProvider.GetRequiredService<DatabaseOptions>().Describe()}.");
            }
            return 0;
        });
        db.Subcommands.Add(restore);

        // For developers writing a migration: the schema the current model wants, as SQL for the configured provider.
        var script = new Command("script", "Print the create script of the current model (for writing migrations).") { Hidden = true };
        script.SetAction(async (_, ct) =>
        {
            await using var scope = await cli.OpenAsync(migrate: false, ct);
            await cli.Out.WriteLineAsync(scope.ServiceProvider.GetRequiredService<JoineryDb>().Database.GenerateCreateScript());
            return 0;
        });
        db.Subcommands.Add(script);
        return db;
    }

    public static Command Audit(CliContext cli)
    {
        var audit = new Command("audit", "The audit trail.");
        var verify = new Command("verify", "Check the audit trail's hash chain; exits non-zero at the first broken link.");
        verify.SetAction(async (_, ct) =>
        {
            await using var scope = await cli.OpenAsync(cancellationToken: ct);
            var result = await scope.ServiceProvider.GetRequiredService<AuditTrail>().VerifyAsync(ct);
            if (!result.Intact)
            {
                return await cli.FailAsync(result.Message);
            }
            await cli.Out.WriteLineAsync(result.Message);
            return 0;
        });
        audit.Subcommands.Add(verify);
        return audit;
    }

    public static Command Demo(CliContext cli)
    {
        var demo = new Command("demo", "Demonstration data.");
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var scale = new Option<int?>("--scale") { Description = "Also create N numbered demo partnerships with realistic volumes, for load tests (1-5000)." };
        var seed = new Command("seed", "Load the demo partnership (safe to run again).") { json, scale };
        seed.SetAction(async (parse, ct) =>
        {
            await using var scope = await cli.OpenAsync(cancellationToken: ct);
            if (parse.GetValue(scale) is { } count)
            {
                if (count is < 1 or > 5000)
                {
                    await cli.Error.WriteLineAsync("--scale must be between 1 and 5000.");
                    return 2;
                }
                var started = System.Diagnostics.Stopwatch.StartNew();
                await scope.ServiceProvider.GetRequiredService<SeedDemo>().RunAsync(ct);
                var made = await scope.ServiceProvider.GetRequiredService<SeedScale>().RunAsync(count, ct);
                if (parse.GetValue(json))
                {
                    await cli.Out.WriteLineAsync(JsonSerializer.Serialize(made, JoineryCli.Json));
                    return 0;
                }
                await cli.Out.WriteLineAsync($"Created {Counting.Of(made.Created, "scale partnership")} in {started.Elapsed.TotalSeconds:0.0} s; {made.AlreadyThere} were already there.");
                await cli.Out.WriteLineAsync($"Sign in as {made.FirstStewardEmail} (p0001 … p{count:D4}, members m00 … m11) with the demo password: {SeedDemo.Password}");
                return 0;
            }
            var result = await scope.ServiceProvider.GetRequiredService<SeedDemo>().RunAsync(ct);
            if (parse.GetValue(json))
            {
                await cli.Out.WriteLineAsync(JsonSerializer.Serialize(result, JoineryCli.Json));
                return 0;
            }
            await cli.Out.WriteLineAsync(result.AlreadyThere ? "The demo was already there; nothing changed." : "The demo is loaded.");
            await cli.Out.WriteLineAsync();
            await cli.Out.WriteLineAsync("Partnerships:");
            foreach (var (name, phase) in await DemoPartnershipsAsync(scope.ServiceProvider.GetRequiredService<JoineryDb>(), result.Accounts, ct))
            {
                await cli.Out.WriteLineAsync($"  {name} ({phase})");
            }
            await cli.Out.WriteLineAsync();
            // The address people use (Site:PublicUrl): pass the same --Site:PublicUrl (or --urls port) to the app and to this command.
            var site = scope.ServiceProvider.GetRequiredService<PublicUrl>().Link("/");
            await cli.Out.WriteLineAsync($"Open {site} while the app runs, and sign in as any of these (demo only; password for all: {result.Password}):");
            foreach (var a in result.Accounts)
            {
                var level = a.Level.Length > 0 ? $", {a.Level}" : "";
                await cli.Out.WriteLineAsync($"  {a.Email,-36} {a.Name} ({a.Organization}; {a.Role}{level}{(a.Champion ? ", champion" : "")})");
                await cli.Out.WriteLineAsync($"  {"",-36} shows {a.Shows}");
            }
            return 0;
        });
        demo.Subcommands.Add(seed);
        return demo;
    }

    /// <summary>The partnerships the demo's people belong to, with their phase (the main one, and the one that is closing).</summary>
    private static async Task<List<(string Name, string Phase)>> DemoPartnershipsAsync(JoineryDb db, IReadOnlyList<DemoAccount> accounts, CancellationToken ct)
    {
        var emails = accounts.Select(a => a.Email).ToList();
        var partnerships = await (from p in db.Partnerships
                                  where db.Memberships.Any(m => m.PartnershipId == p.Id && db.Users.Any(u => u.Id == m.UserId && emails.Contains(u.Email!)))
                                  orderby p.Name
                                  select new { p.Name, p.Phase })
            .ToListAsync(ct);
        return partnerships.Select(p => (p.Name, p.Phase.LowerWords() + " phase")).ToList();
    }
}
