using System.CommandLine;
using Joinery.Core.Accounts;
using Joinery.Core.Data;
using Joinery.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Cli.Commands;

internal static class AccountCommands
{
    public static Command CreateUser(CliContext cli)
    {
        var email = new Option<string>("--email") { Description = "The person's email; they sign in with it.", Required = true };
        var name = new Option<string>("--name") { Description = "The person's name.", Required = true };
        var org = new Option<string>("--org") { Description = "Their organization (name or id).", Required = true };
        var admin = new Option<bool>("--admin") { Description = "Make them a site administrator." };
        var jobTitle = new Option<string>("--job-title") { Description = "What they do, shown beside their name (e.g. \"care manager\"); optional, at most 100 characters." };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of standard input.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print a JSON object instead of the id." };
        var create = new Command("create", "Create a person's account.") { email, name, org, admin, jobTitle, passwordStdin, json };
        create.SetAction(async (parse, ct) =>
        {
            var password = await cli.In.ReadLineAsync(ct);
            await using var scope = await cli.OpenAsync(cancellationToken: ct);
            var outcome = await scope.ServiceProvider.GetRequiredService<Joinery.Core.Accounts.CreateUser>()
                .RunAsync(new UserInput(parse.GetValue(email), parse.GetValue(name), parse.GetValue(org), password, parse.GetValue(admin), parse.GetValue(jobTitle)), ct);
            return await cli.CreatedAsync(outcome, parse.GetValue(json),
                id => new { id, email = parse.GetValue(email)!.Trim().ToLowerInvariant(), name = parse.GetValue(name)!.Trim(), admin = parse.GetValue(admin), jobTitle = (parse.GetValue(jobTitle) ?? "").Trim() },
                id => id.ToString());
        });
        return new Command("user", "People's accounts.") { create, Activation(cli, deactivate: true), Activation(cli, deactivate: false) };
    }

    /// <summary><c>joinery user deactivate|reactivate --email</c>: someone leaves (their sessions end, tokens stop) or comes back.</summary>
    private static Command Activation(CliContext cli, bool deactivate)
    {
        var email = new Option<string>("--email") { Description = "The person's email.", Required = true };
        var command = new Command(deactivate ? "deactivate" : "reactivate",
            deactivate ? "Deactivate an account: its sessions end, its tokens stop working and it cannot sign in." : "Reactivate a deactivated account.") { email };
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await cli.OpenAsync(cancellationToken: ct);
            var wanted = (parse.GetValue(email) ?? "").Trim().ToLowerInvariant();
            var user = await scope.ServiceProvider.GetRequiredService<JoineryDb>().Users.FirstOrDefaultAsync(u => u.Email == wanted, ct);
            if (user is null)
            {
                return await cli.FailAsync($"No account has the email {wanted}.");
            }
            var activation = scope.ServiceProvider.GetRequiredService<AccountActivation>();
            var outcome = deactivate ? await activation.DeactivateAsync(user.Id, ct) : await activation.ReactivateAsync(user.Id, ct);
            if (!outcome.Succeeded)
            {
                return await cli.FailAsync(outcome.FirstError);
            }
            await cli.Out.WriteLineAsync(deactivate ? $"{wanted} is deactivated." : $"{wanted} is active again.");
            return 0;
        });
        return command;
    }

    public static Command CreateOrganization(CliContext cli)
    {
        var name = new Option<string>("--name") { Description = "The organization's name.", Required = true };
        var kind = new Option<string>("--kind") { Description = "behavioral-health, primary-care or other.", Required = true };
        kind.AcceptOnlyFromAmong("behavioral-health", "primary-care", "other");
        var json = new Option<bool>("--json") { Description = "Print a JSON object instead of the id." };
        var create = new Command("create", "Register an organization.") { name, kind, json };
        create.SetAction(async (parse, ct) =>
        {
            await using var scope = await cli.OpenAsync(cancellationToken: ct);
            var outcome = await scope.ServiceProvider.GetRequiredService<Joinery.Core.Organizations.CreateOrganization>()
                .RunAsync(new OrganizationInput(parse.GetValue(name), parse.GetValue(kind)), ct);
            return await cli.CreatedAsync(outcome, parse.GetValue(json),
                id => new { id, name = parse.GetValue(name)!.Trim(), kind = parse.GetValue(kind) }, id => id.ToString());
        });
        return new Command("org", "Organizations.") { create };
    }

    public static Command CreateToken(CliContext cli)
    {
        var email = new Option<string>("--email") { Description = "Whose token.", Required = true };
        var name = new Option<string>("--name") { Description = "What the token is for.", Required = true };
        var expires = new Option<int?>("--expires") { Description = $"Days until it expires (default {PersonalAccessTokens.DefaultDays})." };
        var json = new Option<bool>("--json") { Description = "Print a JSON object instead." };
        var create = new Command("create", "Create a personal access token for the API; it is printed once, on the last line.") { email, name, expires, json };
        create.SetAction(async (parse, ct) =>
        {
            await using var scope = await cli.OpenAsync(cancellationToken: ct);
            var db = scope.ServiceProvider.GetRequiredService<JoineryDb>();
            var wanted = (parse.GetValue(email) ?? "").Trim().ToLowerInvariant();
            var user = await db.Users.FirstOrDefaultAsync(u => u.Email == wanted, ct);
            if (user is null)
            {
                return await cli.FailAsync($"No account has the email {wanted}.");
            }
            var outcome = await scope.ServiceProvider.GetRequiredService<PersonalAccessTokens>()
                .CreateAsync(user.Id, parse.GetValue(name), parse.GetValue(expires), ct);
            if (!outcome.Succeeded)
            {
                return await cli.FailAsync(outcome.FirstError);
            }
            var token = outcome.Value!;
            if (parse.GetValue(json))
            {
                await cli.Out.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(new { id = token.Id, token = token.Secret, expiresAt = token.ExpiresAt }, JoineryCli.Json));
                return 0;
            }
            await cli.Out.WriteLineAsync($"Token {token.Id} expires {token.ExpiresAt:yyyy-MM-dd}. It is shown only now:");
            await cli.Out.WriteLineAsync(token.Secret);
            return 0;
        });
        return new Command("token", "Personal access tokens for the API.") { create };
    }
}
