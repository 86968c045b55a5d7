using System.Data.Common;
using System.Text.Json;
using Joinery.Core.Accounts;
using Joinery.Core.Data;
using Joinery.Core.Organizations;
using Joinery.Tests.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Cli;

public class AccountCommandTests : IAsyncLifetime
{
    private CliSession _cli = null!;
    private Guid _riverbendId;

    public async Task InitializeAsync()
    {
        _cli = await CliSession.StartAsync();
        _riverbendId = await _cli.OrganizationAsync("Riverbend Behavioral Health", "behavioral-health");
    }

    public async Task DisposeAsync() => await _cli.DisposeAsync();

    private Task<CliResult> CreateUserAsync(string password, params string[] extra) =>
        _cli.RunWithInputAsync(password + "\n",
            ["user", "create", "--email", "Dana.Whitfield@Riverbend.example", "--name", "Dana Whitfield", "--org", "Riverbend Behavioral Health", "--password-stdin", .. extra]);

    private async Task<T> WithDbAsync<T>(Func<JoineryDb, IServiceProvider, Task<T>> read)
    {
        await using var scope = _cli.Host.Scope();
        return await read(scope.ServiceProvider.GetRequiredService<JoineryDb>(), scope.ServiceProvider);
    }

    [Fact]
    public async Task User_create_prints_the_id_of_an_account_that_signs_in_with_the_password_from_stdin()
    {
        var id = (await CreateUserAsync(CoreArrange.Password)).ShouldPrintAnId();

        var (user, passwordWorks) = await WithDbAsync(async (db, services) =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == id);
            return (user, await services.GetRequiredService<UserManager<User>>().CheckPasswordAsync(user, CoreArrange.Password));
        });
        user.Email.ShouldBe("dana.whitfield@riverbend.example");
        user.DisplayName.ShouldBe("Dana Whitfield");
        user.OrganizationId.ShouldBe(_riverbendId);
        user.IsSiteAdmin.ShouldBeFalse();
        passwordWorks.ShouldBeTrue();
    }

    [Fact]
    public async Task User_deactivate_refuses_the_persons_tokens_and_reactivate_restores_them()
    {
        var id = (await CreateUserAsync(CoreArrange.Password)).ShouldPrintAnId();
        var secret = (await _cli.RunAsync("token", "create", "--email", "dana.whitfield@riverbend.example", "--name", "sync")).ShouldSucceed().OutLines[^1];

        var deactivated = await _cli.RunAsync("user", "deactivate", "--email", "Dana.Whitfield@Riverbend.example");
        var whileDeactivated = await WithDbAsync((_, services) => services.GetRequiredService<PersonalAccessTokens>().AuthenticateAsync(secret));
        var reactivated = await _cli.RunAsync("user", "reactivate", "--email", "dana.whitfield@riverbend.example");
        var afterwards = await WithDbAsync((_, services) => services.GetRequiredService<PersonalAccessTokens>().AuthenticateAsync(secret));

        deactivated.ShouldSucceed().OutLines.ShouldBe(["dana.whitfield@riverbend.example is deactivated."]);
        whileDeactivated.User.ShouldBeNull();
        reactivated.ShouldSucceed();
        afterwards.User.ShouldNotBeNull().Id.ShouldBe(id);
        (await _cli.RunAsync("user", "deactivate", "--email", "nobody@riverbend.example")).ShouldFailWithOneLine().ShouldContain("No account has the email");
    }

    [Fact]
    public async Task User_create_with_admin_makes_a_site_administrator_in_an_organization_given_by_id()
    {
        var id = (await _cli.RunWithInputAsync(CoreArrange.Password, "user", "create", "--email", "admin@riverbend.example", "--name", "Site Admin",
            "--org", _riverbendId.ToString(), "--admin", "--password-stdin")).ShouldPrintAnId();

        var user = await WithDbAsync((db, _) => db.Users.SingleAsync(u => u.Id == id));
        user.IsSiteAdmin.ShouldBeTrue();
        user.OrganizationId.ShouldBe(_riverbendId);
    }

    [Fact]
    public async Task User_create_with_json_prints_an_object_with_the_id()
    {
        var result = (await CreateUserAsync(CoreArrange.Password, "--json")).ShouldSucceed();

        using var json = JsonDocument.Parse(result.Out);
        var id = json.RootElement.GetProperty("id").GetGuid();
        json.RootElement.GetProperty("email").GetString().ShouldBe("dana.whitfield@riverbend.example");
        (await WithDbAsync((db, _) => db.Users.AnyAsync(u => u.Id == id))).ShouldBeTrue();
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("qwertyuiop123")]
    [InlineData("aaaaaaaaaaaaaaaa")]
    [InlineData("whitfield-violet-harbor")]
    [InlineData("Tr0ub4dor&3")]
    [InlineData("")]
    public async Task User_create_with_a_weak_password_fails_in_one_line_and_creates_nobody(string password)
    {
        var error = (await CreateUserAsync(password)).ShouldFailWithOneLine();

        error.Length.ShouldBeGreaterThan("error: ".Length);
        (await WithDbAsync((db, _) => db.Users.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task User_create_with_an_email_already_in_use_fails_whatever_its_case()
    {
        (await CreateUserAsync(CoreArrange.Password)).ShouldPrintAnId();

        var error = (await _cli.RunWithInputAsync(CoreArrange.Password, "user", "create", "--email", "DANA.WHITFIELD@riverbend.example", "--name", "Dana Again",
            "--org", "Riverbend Behavioral Health", "--password-stdin")).ShouldFailWithOneLine();

        error.ShouldBe("error: An account with the email dana.whitfield@riverbend.example already exists.");
        (await WithDbAsync((db, _) => db.Users.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task User_create_in_an_unknown_organization_fails()
    {
        var error = (await _cli.RunWithInputAsync(CoreArrange.Password, "user", "create", "--email", "dana@riverbend.example", "--name", "Dana",
            "--org", "Nowhere Clinic", "--password-stdin")).ShouldFailWithOneLine();

        error.ShouldBe("error: There is no organization 'Nowhere Clinic'.");
    }

    [Fact]
    public async Task User_create_with_a_malformed_email_fails()
    {
        var error = (await _cli.RunWithInputAsync(CoreArrange.Password, "user", "create", "--email", "dana at riverbend", "--name", "Dana",
            "--org", "Riverbend Behavioral Health", "--password-stdin")).ShouldFailWithOneLine();

        error.ShouldBe("error: Enter an email address like name@example.org.");
    }

    [Theory]
    [InlineData("behavioral-health", OrganizationKind.BehavioralHealth)]
    [InlineData("primary-care", OrganizationKind.PrimaryCare)]
    [InlineData("other", OrganizationKind.Other)]
    public async Task Org_create_stores_the_kind(string kind, OrganizationKind expected)
    {
        var id = await _cli.OrganizationAsync("Eastside Health Center", kind);

        var organization = await WithDbAsync((db, _) => db.Organizations.SingleAsync(o => o.Id == id));
        organization.Name.ShouldBe("Eastside Health Center");
        organization.Kind.ShouldBe(expected);
    }

    [Fact]
    public async Task Org_create_with_json_prints_an_object_with_the_id_and_kind()
    {
        var result = (await _cli.RunAsync("org", "create", "--name", "Eastside Health Center", "--kind", "primary-care", "--json")).ShouldSucceed();

        using var json = JsonDocument.Parse(result.Out);
        var id = json.RootElement.GetProperty("id").GetGuid();
        json.RootElement.GetProperty("kind").GetString().ShouldBe("primary-care");
        (await WithDbAsync((db, _) => db.Organizations.AnyAsync(o => o.Id == id))).ShouldBeTrue();
    }

    [Fact]
    public async Task Org_create_with_a_name_in_use_fails()
    {
        var error = (await _cli.RunAsync("org", "create", "--name", "Riverbend Behavioral Health", "--kind", "other")).ShouldFailWithOneLine();

        error.ShouldBe("error: An organization named 'Riverbend Behavioral Health' already exists.");
    }

    [Fact]
    public async Task Org_create_with_invisible_formatting_in_the_name_fails_and_saves_nothing()
    {
        var error = (await _cli.RunAsync("org", "create", "--name", "Riverbend\u202EhtlaeH", "--kind", "other")).ShouldFailWithOneLine();

        error.ShouldBe("error: The organization's name contains invisible formatting characters (right-to-left or zero-width marks); remove them.");
        (await WithDbAsync((db, _) => db.Organizations.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task User_create_with_a_zero_width_character_in_the_name_fails_and_saves_nothing()
    {
        var error = (await _cli.RunWithInputAsync(CoreArrange.Password + "\n",
            ["user", "create", "--email", "dana@riverbend.example", "--name", "Dana\u200BWhitfield", "--org", "Riverbend Behavioral Health", "--password-stdin"])).ShouldFailWithOneLine();

        error.ShouldBe("error: The person's name contains invisible formatting characters (right-to-left or zero-width marks); remove them.");
        (await WithDbAsync((db, _) => db.Users.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Token_create_prints_the_token_alone_on_the_last_line_and_it_authenticates_its_owner()
    {
        var userId = (await CreateUserAsync(CoreArrange.Password)).ShouldPrintAnId();

        var result = (await _cli.RunAsync("token", "create", "--email", "dana.whitfield@riverbend.example", "--name", "reporting")).ShouldSucceed();

        var secret = result.OutLines[^1];
        secret.ShouldStartWith(PersonalAccessToken.Prefix);
        secret.ShouldNotContain(" ");
        var owner = await WithDbAsync((_, services) => services.GetRequiredService<PersonalAccessTokens>().AuthenticateAsync(secret));
        owner.User.ShouldNotBeNull().Id.ShouldBe(userId);
    }

    [Fact]
    public async Task Token_create_stores_only_a_hash_of_the_token()
    {
        (await CreateUserAsync(CoreArrange.Password)).ShouldPrintAnId();

        var secret = (await _cli.RunAsync("token", "create", "--email", "dana.whitfield@riverbend.example", "--name", "reporting")).ShouldSucceed().OutLines[^1];

        var token = await WithDbAsync((db, _) => db.PersonalAccessTokens.SingleAsync());
        token.TokenHash.ShouldBe(PersonalAccessToken.Hash(secret));
        secret.ShouldStartWith(token.Hint);
        var holders = await WithDbAsync((db, _) => CellsContainingAsync(db, secret));
        holders.ShouldBeEmpty();
        (await WithDbAsync((db, _) => CellsContainingAsync(db, token.TokenHash))).ShouldBe(["personal_access_tokens.token_hash"]);
    }

    [Fact]
    public async Task Token_create_with_expires_sets_the_lifetime_in_days()
    {
        (await CreateUserAsync(CoreArrange.Password)).ShouldPrintAnId();

        (await _cli.RunAsync("token", "create", "--email", "dana.whitfield@riverbend.example", "--name", "short", "--expires", "7")).ShouldSucceed();

        var token = await WithDbAsync((db, _) => db.PersonalAccessTokens.SingleAsync());
        (token.ExpiresAt - token.CreatedAt).ShouldBe(TimeSpan.FromDays(7));
    }

    [Fact]
    public async Task Token_create_without_expires_lasts_the_default_days()
    {
        (await CreateUserAsync(CoreArrange.Password)).ShouldPrintAnId();

        (await _cli.RunAsync("token", "create", "--email", "dana.whitfield@riverbend.example", "--name", "default")).ShouldSucceed();

        var token = await WithDbAsync((db, _) => db.PersonalAccessTokens.SingleAsync());
        (token.ExpiresAt - token.CreatedAt).ShouldBe(TimeSpan.FromDays(PersonalAccessTokens.DefaultDays));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("367")]
    public async Task Token_create_with_a_lifetime_out_of_range_fails(string days)
    {
        (await CreateUserAsync(CoreArrange.Password)).ShouldPrintAnId();

        var error = (await _cli.RunAsync("token", "create", "--email", "dana.whitfield@riverbend.example", "--name", "bad", "--expires", days)).ShouldFailWithOneLine();

        error.ShouldBe("error: A token lasts from 1 to 366 days.");
        (await WithDbAsync((db, _) => db.PersonalAccessTokens.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Token_create_for_an_unknown_email_fails()
    {
        var error = (await _cli.RunAsync("token", "create", "--email", "nobody@riverbend.example", "--name", "ci")).ShouldFailWithOneLine();

        error.ShouldBe("error: No account has the email nobody@riverbend.example.");
    }

    [Fact]
    public async Task Token_create_with_json_prints_the_id_and_the_token()
    {
        (await CreateUserAsync(CoreArrange.Password)).ShouldPrintAnId();

        var result = (await _cli.RunAsync("token", "create", "--email", "dana.whitfield@riverbend.example", "--name", "ci", "--json")).ShouldSucceed();

        using var json = JsonDocument.Parse(result.Out);
        var id = json.RootElement.GetProperty("id").GetGuid();
        var secret = json.RootElement.GetProperty("token").GetString()!;
        var token = await WithDbAsync((db, _) => db.PersonalAccessTokens.SingleAsync());
        token.Id.ShouldBe(id);
        token.TokenHash.ShouldBe(PersonalAccessToken.Hash(secret));
    }

    /// <summary>Every "table.column" whose value, read as text, contains the given text: a scan of the whole database.</summary>
    private static async Task<List<string>> CellsContainingAsync(JoineryDb db, string text)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            var tables = new List<string>();
            await using (var list = connection.CreateCommand())
            {
                list.CommandText = db.Database.IsNpgsql()
                    ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
                    : "SELECT name FROM sqlite_master WHERE type = 'table'";
                await using var reader = await list.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    tables.Add(reader.GetString(0));
                }
            }
            tables.ShouldContain("personal_access_tokens");
            var found = new List<string>();
            foreach (var table in tables)
            {
                await using var select = connection.CreateCommand();
                select.CommandText = $"SELECT * FROM {table}";
                await using var reader = await select.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        if (Text(reader, i).Contains(text, StringComparison.OrdinalIgnoreCase))
                        {
                            found.Add($"{table}.{reader.GetName(i)}");
                        }
                    }
                }
            }
            return found;
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    private static string Text(DbDataReader reader, int column) => reader.IsDBNull(column)
        ? ""
        : reader.GetValue(column) switch
        {
            byte[] bytes => System.Text.Encoding.UTF8.GetString(bytes),
            var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
        };
}
