using System.CommandLine;
using Joinery.Core.Data;
using Joinery.Core.Glossary;
using Joinery.Core.Partnerships;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Cli.Commands;

internal static class GlossaryCommands
{
    public static Command Create(CliContext cli)
    {
        var partnership = new Option<string>("--partnership") { Description = "The partnership (name or id).", Required = true };
        var file = new Option<string>("--file") { Description = "CSV with columns " + string.Join(",", GlossaryCsv.Columns) + ".", Required = true };
        var import = new Command("import", "Import glossary terms from CSV; nothing is imported when any row is bad.") { partnership, file };
        import.SetAction(async (parse, ct) =>
        {
            var path = Path.GetFullPath(parse.GetValue(file)!);
            if (!File.Exists(path))
            {
                return await cli.FailAsync($"There is no file {path}.");
            }
            if (new FileInfo(path).Length > GlossaryCsv.MaxBytes)
            {
                return await cli.FailAsync("The file is larger than 2 MB.");
            }
            await using var scope = await cli.OpenAsync(cancellationToken: ct);
            var db = scope.ServiceProvider.GetRequiredService<JoineryDb>();
            var found = await db.FindPartnershipAsync(parse.GetValue(partnership), ct);
            if (found is null)
            {
                return await cli.FailAsync($"There is no partnership '{parse.GetValue(partnership)}'.");
            }
            var (rows, error) = GlossaryCsv.Read(await File.ReadAllTextAsync(path, ct));
            if (error is not null)
            {
                return await cli.FailAsync(error);
            }
            var outcome = await scope.ServiceProvider.GetRequiredService<GlossaryWork>().ImportAsync(found.Id, rows, ct);
            if (!outcome.Succeeded)
            {
                foreach (var message in outcome.Errors.Values.SelectMany(m => m))
                {
                    await cli.Error.WriteLineAsync($"error: {message}");
                }
                return 1;
            }
            await cli.Out.WriteLineAsync($"Imported {rows.Count} rows: {outcome.Value.Added} added, {outcome.Value.Updated} updated.");
            return 0;
        });
        return new Command("glossary", "The partnership's common language.") { import };
    }
}
