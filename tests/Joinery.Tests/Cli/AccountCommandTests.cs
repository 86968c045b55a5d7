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

/// <remarks>
/// The cases share one database: each makes its own organization, people and tokens under a unique
/// suffix, and where it proves that nothing was saved it compares counts before and after (the cases
/// of a class run one at a time, and no other class uses this database).
/// </remarks>
public class AccountCommandTests(SharedCliSession shared) : IClassFixture<SharedCliSession>, IAsyncLifetime
{
    private readonly CliSession _cli = shared.Cli;
    private readonly string _n = shared.Cli.Unique();
    private Guid _riverbendId;

    private string Riverbend => $"Riverbend Behavioral Health {_n}";

    /// <summary>This case's person, as typed (mixed case) and as stored.</summary>
    private string DanaTyped => $"Dana.Whitfield{_n}@Riverbend.example";

    private string Dana => DanaTyped.ToLowerInvariant();

    public async Task InitializeAsync() => _riverbendId = await _cli.OrganizationAsync(Riverbend, "behavioral-health");

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<CliResult> CreateUserAsync(string password, params string[] extra) =>
        _cli.RunWithInputAsync(password + "\n",
            ["user", "create", "--email", DanaTyped, "--name", "Dana Whitfield", "--org", Riverbend, "--password-stdin", .. extra]);

    private async Task<T> WithDbAsync<T>(Func<JoineryDb, IServiceProvider, Task<T>> read)
    {
        await using var scope = _cli.Host.Scope();
        return await read(scope.ServiceProvider.GetRequiredService<JoineryDb>(), scope.ServiceProvider);
    }

    private Task<int> UserCountAsync() => WithDbAsync((db, _) => db.Users.CountAsync());

    private Task<PersonalAccessToken> TheTokenOfAsync(Guid userId) => WithDbAsync((db, _) => db.PersonalAccessTokens.SingleAsync(t => t.UserId == userId));

    [Fact]
    public async Task User_create_stores_an_optional_job_title_and_refuses_one_too_long_without_cutting_it()
    {
        var count = await UserCountAsync();
        var error = (await CreateUserAsync(CoreArrange.Password, "--job-title", new string('x', User.JobTitleMax + 1))).ShouldFailWithOneLine();
        error.ShouldBe($"error: The job title must be {User.JobTitleMax} characters or fewer.");
        (await UserCountAsync()).ShouldBe(count);

        var id = (await CreateUserAsync(CoreArrange.Password, "--job-title", "  Care manager ")).ShouldPrintAnId();

        (await WithDbAsync((db, _) => db.Users.SingleAsync(u => u.Id == id))).JobTitle.ShouldBe("Care manager");
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
        user.Email.ShouldBe($"dana.whitfield{_n}@riverbend.example");
        user.DisplayName.ShouldBe("Dana Whitfield");
        user.OrganizationId.ShouldBe(_riverbendId);
        user.IsSiteAdmin.ShouldBeFalse();
        passwordWorks.ShouldBeTrue();
    }

    [Fact]
    public async Task User_deactivate_refuses_the_persons_tokens_and_reactivate_restores_them()
    {
        var id = (await CreateUserAsync(CoreArrange.Password)).ShouldPrintAnId();
        var secret = (await _cli.RunAsync("token", "create", "--email", Dana, "--name", "sync")).ShouldSucceed().OutLines[^1];

        var deactivated = await _cli.RunAsync("user", "deactivate", "--email", DanaTyped);
        var whileDeactivated = await WithDbAsync((_, services) => services.GetRequiredService<PersonalAccessTokens>().AuthenticateAsync(secret));
        var reactivated = await _cli.RunAsync("user", "reactivate", "--email", Dana);
        var afterwards = await WithDbAsync((_, services) => services.GetRequiredService<PersonalAccessTokens>().AuthenticateAsync(secret));

        deactivated.ShouldSucceed().OutLines.ShouldBe([$"{Dana} is deactivated."]);
        whileDeactivated.User.ShouldBeNull();
        reactivated.ShouldSucceed();
        afterwards.User.ShouldNotBeNull().Id.ShouldBe(id);
        (await _cli.RunAsync("user", "deactivate", "--email", $"nobody{_n}@riverbend.example")).ShouldFailWithOneLine().ShouldContain("No account has the email");
    }

    [Fact]
    public async Task User_create_with_admin_makes_a_site_administrator_in_an_organization_given_by_id()
    {
        var id = (await _cli.RunWithInputAsync(CoreArrange.Password, "user", "create", "--email", $"admin{_n}@riverbend.example", "--name", "Site Admin",
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
        json.RootElement.GetProperty("email").GetString().ShouldBe($"dana.whitfield{_n}@riverbend.example");
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
        var before = await UserCountAsync();

        var error = (await CreateUserAsync(password)).ShouldFailWithOneLine();

        error.Length.ShouldBeGreaterThan("error: ".Length);
        (await UserCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task User_create_with_an_email_already_in_use_fails_whatever_its_case()
    {
        var before = await UserCountAsync();
        (await CreateUserAsync(CoreArrange.Password)).ShouldPrintAnId();

        var error = (await _cli.RunWithInputAsync(CoreArrange.Password, "user", "create", "--email", $"DANA.WHITFIELD{_n}@riverbend.example", "--name", "Dana Again",
            "--org", Riverbend, "--password-stdin")).ShouldFailWithOneLine();

        error.ShouldBe($"error: An account with the email dana.whitfield{_n}@riverbend.example already exists.");
        (await UserCountAsync()).ShouldBe(before + 1);
    }

    [Fact]
    public async Task User_create_in_an_unknown_organization_fails()
    {
        var error = (await _cli.RunWithInputAsync(CoreArrange.Password, "user", "create", "--email", $"dana{_n}@riverbend.example", "--name", "Dana",
            "--org", "Nowhere Clinic", "--password-stdin")).ShouldFailWithOneLine();

        error.ShouldBe("error: There is no organization 'Nowhere Clinic'.");
    }

    [Fact]
    public async Task User_create_with_a_malformed_email_fails()
    {
        var error = (await _cli.RunWithInputAsync(CoreArrange.Password, "user", "create", "--email", "dana at riverbend", "--name", "Dana",
            "--org", Riverbend, "--password-stdin")).ShouldFailWithOneLine();

        error.ShouldBe("error: Enter an email address like name@example.org.");
    }

    [Theory]
    [InlineData("behavioral-health", OrganizationKind.BehavioralHealth)]
    [InlineData("primary-care", OrganizationKind.PrimaryCare)]
    [InlineData("other", OrganizationKind.Other)]
    public async Task Org_create_stores_the_kind(string kind, OrganizationKind expected)
    {
        var id = await _cli.OrganizationAsync($"Eastside Health Center {_n}", kind);

        var organization = await WithDbAsync((db, _) => db.Organizations.SingleAsync(o => o.Id == id));
        organization.Name.ShouldBe($"Eastside Health Center {_n}");
        organization.Kind.ShouldBe(expected);
    }

    [Fact]
    public async Task Org_create_with_json_prints_an_object_with_the_id_and_kind()
    {
        var result = (await _cli.RunAsync("org", "create", "--name", $"Eastside Health Center {_n}", "--kind", "primary-care", "--json")).ShouldSucceed();

        using var json = JsonDocument.Parse(result.Out);
        var id = json.RootElement.GetProperty("id").GetGuid();
        json.RootElement.GetProperty("kind").GetString().ShouldBe("primary-care");
        (await WithDbAsync((db, _) => db.Organizations.AnyAsync(o => o.Id == id))).ShouldBeTrue();
    }

    [Fact]
    public async Task Org_create_with_a_name_in_use_fails()
    {
        var error = (await _cli.RunAsync("org", "create", "--name", Riverbend, "--kind", "other")).ShouldFailWithOneLine();

        error.ShouldBe($"error: An organization named '{Riverbend}' already exists.");
    }

    [Fact]
    public async Task Org_create_with_invisible_formatting_in_the_name_fails_and_saves_nothing()
    {
        var before = await WithDbAsync((db, _) => db.Organizations.CountAsync());

        var error = (await _cli.RunAsync("org", "create", "--name", $"Riverbend\u202EhtlaeH {_n}", "--kind", "other")).ShouldFailWithOneLine();

        error.ShouldBe("error: The organization's name contains invisible formatting characters (right-to-left or zero-width marks); remove them.");
        (await WithDbAsync((db, _) => db.Organizations.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task User_create_with_a_zero_width_character_in_the_name_fails_and_saves_nothing()
    {
        var before = await UserCountAsync();

        var error = (await _cli.RunWithInputAsync(CoreArrange.Password + "\n",
            ["user", "create", "--email", $"dana{_n}@riverbend.example", "--name", "Dana\u200BWhitfield", "--org", Riverbend, "--password-stdin"])).ShouldFailWithOneLine();

        error.ShouldBe("error: The person's name contains invisible formatting characters (right-to-left or zero-width marks); remove them.");
        (await UserCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Token_create_prints_the_token_alone_on_the_last_line_and_it_authenticates_its_owner()
    {
        var userId = (await CreateUserAsync(CoreArrange.Password)).ShouldPrintAnId();

        var result = (await _cli.RunAsync("token", "create", "--email", Dana, "--name", "reporting")).ShouldSucceed();

        var secret = result.OutLines[^1];
        secret.ShouldStartWith(PersonalAccessToken.Prefix);
        secret.ShouldNotContain(" ");
        var owner = await WithDbAsync((_, services) => services.GetRequiredService<PersonalAccessTokens>().AuthenticateAsync(secret));
        owner.User.ShouldNotBeNull().Id.ShouldBe(userId);
    }

    [Fact]
    public async Task Token_create_stores_only_a_hash_of_the_token()
    {
        var userId = (await CreateUserAsync(CoreArrange.Password)).ShouldPrintAnId();

        var secret = (await _cli.RunAsync("token", "create", "--email", Dana, "--name", "reporting")).ShouldSucceed().OutLines[^1];

        var token = await TheTokenOfAsync(userId);
        token.TokenHash.ShouldBe(PersonalAccessToken.Hash(secret));
        secret.ShouldStartWith(token.Hint);
        var holders = await WithDbAsync((db, _) => CellsContainingAsync(db, secret));
        holders.ShouldBeEmpty();
        (await WithDbAsync((db, _) => CellsContainingAsync(db, token.TokenHash))).ShouldBe(["personal_access_tokens.token_hash"]);
    }

    [Fact]
    public async Task Token_create_with_expires_sets_the_lifetime_in_days()
    {
        var userId = (await CreateUserAsync(CoreArrange.Password)).ShouldPrintAnId();

        (await _cli.RunAsync("token", "create", "--email", Dana, "--name", "short", "--expires", "7")).ShouldSucceed();

        var token = await TheTokenOfAsync(userId);
        (token.ExpiresAt - token.CreatedAt).ShouldBe(TimeSpan.FromDays(7));
    }

    [Fact]
    public async Task Token_create_without_expires_lasts_the_default_days()
    {
        var userId = (await CreateUserAsync(CoreArrange.Password)).ShouldPrintAnId();

        (await _cli.RunAsync("token", "create", "--email", Dana, "--name", "default")).ShouldSucceed();

        var token = await TheTokenOfAsync(userId);
        (token.ExpiresAt - token.CreatedAt).ShouldBe(TimeSpan.FromDays(PersonalAccessTokens.DefaultDays));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("367")]
    public async Task Token_create_with_a_lifetime_out_of_range_fails(string days)
    {
        (await CreateUserAsync(CoreArrange.Password)).ShouldPrintAnId();
        var before = await WithDbAsync((db, _) => db.PersonalAccessTokens.CountAsync());

        var error = (await _cli.RunAsync("token", "create", "--email", Dana, "--name", "bad", "--expires", days)).ShouldFailWithOneLine();

        error.ShouldBe("error: A token lasts from 1 to 366 days.");
        (await WithDbAsync((db, _) => db.PersonalAccessTokens.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task Token_create_for_an_unknown_email_fails()
    {
        var error = (await _cli.RunAsync("token", "create", "--email", $"nobody{_n}@riverbend.example", "--name", "ci")).ShouldFailWithOneLine();

        error.ShouldBe($"error: No account has the email nobody{_n}@riverbend.example.");
    }

    [Fact]
    public async Task Token_create_with_json_prints_the_id_and_the_token()
    {
        var userId = (await CreateUserAsync(CoreArrange.Password)).ShouldPrintAnId();

        var result = (await _cli.RunAsync("token", "create", "--email", Dana, "--name", "ci", "--json")).ShouldSucceed();

        using var json = JsonDocument.Parse(result.Out);
        var id = json.RootElement.GetProperty("id").GetGuid();
        var secret = json.RootElement.GetProperty("token").GetString()!;
        var token = await TheTokenOfAsync(userId);
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
