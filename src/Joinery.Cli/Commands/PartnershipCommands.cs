using System.CommandLine;
using Joinery.Core.Data;
using Joinery.Core.Partnerships;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Cli.Commands;

internal static class PartnershipCommands
{
    public static Command CreatePartnership(CliContext cli)
    {
        var name = new Option<string>("--name") { Description = "The partnership's name.", Required = true };
        var orgs = new Option<string[]>("--org") { Description = "A partner organization (name or id); give two or more.", Required = true, AllowMultipleArgumentsPerToken = false };
        var json = new Option<bool>("--json") { Description = "Print a JSON object instead of the id." };
        var create = new Command("create", "Start a partnership of two or more organizations.") { name, orgs, json };
        create.SetAction(async (parse, ct) =>
        {
            await using var scope = await cli.OpenAsync(cancellationToken: ct);
            var outcome = await scope.ServiceProvider.GetRequiredService<Joinery.Core.Partnerships.CreatePartnership>()
                .RunAsync(new PartnershipInput(parse.GetValue(name), parse.GetValue(orgs) ?? []), ct);
            return await cli.CreatedAsync(outcome, parse.GetValue(json),
                id => new { id, name = parse.GetValue(name)!.Trim(), phase = "explore" }, id => id.ToString());
        });
        return new Command("partnership", "Partnerships.") { create };
    }

    public static Command AddMember(CliContext cli)
    {
        var partnership = new Option<string>("--partnership") { Description = "The partnership (name or id).", Required = true };
        var email = new Option<string>("--email") { Description = "The person's email; they need an account.", Required = true };
        var role = new Option<string>("--role") { Description = "steward, planner, clinician or viewer.", Required = true };
        role.AcceptOnlyFromAmong("steward", "planner", "clinician", "viewer");
        var level = new Option<string>("--level") { Description = "executive, manager or frontline.", Required = true };
        level.AcceptOnlyFromAmong("executive", "manager", "frontline");
        var champion = new Option<bool>("--champion") { Description = "Name them a champion." };
        var json = new Option<bool>("--json") { Description = "Print a JSON object instead of the id." };
        var add = new Command("add", "Add a person to a partnership.") { partnership, email, role, level, champion, json };
        add.SetAction(async (parse, ct) =>
        {
            await using var scope = await cli.OpenAsync(cancellationToken: ct);
            var db = scope.ServiceProvider.GetRequiredService<JoineryDb>();
            var found = await db.FindPartnershipAsync(parse.GetValue(partnership), ct);
            if (found is null)
            {
                return await cli.FailAsync($"There is no partnership '{parse.GetValue(partnership)}'.");
            }
            var outcome = await scope.ServiceProvider.GetRequiredService<Joinery.Core.Partnerships.AddMember>()
                .RunAsync(found.Id, new MemberInput(parse.GetValue(email), parse.GetValue(role), parse.GetValue(level), parse.GetValue(champion)), ct);
            return await cli.CreatedAsync(outcome, parse.GetValue(json),
                id => new { id, partnershipId = found.Id, role = parse.GetValue(role), level = parse.GetValue(level), champion = parse.GetValue(champion) },
                id => id.ToString());
        });
        return new Command("member", "Members of partnerships.") { add };
    }
}
