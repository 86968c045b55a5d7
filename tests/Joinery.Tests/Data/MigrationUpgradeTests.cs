using System.Data.Common;
using System.Globalization;
using Joinery.Core.Accounts;
using Joinery.Core.Audit;
using Joinery.Core.Data;
using Joinery.Core.Organizations;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Data;

/// <summary>
/// A database that holds data written under the first schema version is upgraded to the current
/// one without losing anything, and the tables added since then work.
/// </summary>
public class MigrationUpgradeTests : IAsyncLifetime
{
    private const string FirstVersion = "0001_initial";
    private const string TokenSecret = "jny_upgrade-test-token-0123456789abcdefghijklmnopq";

    private static readonly Guid RiverbendId = new("a1000000-0000-4000-8000-000000000001");
    private static readonly Guid EastsideId = new("a1000000-0000-4000-8000-000000000002");
    private static readonly Guid DanaId = new("b2000000-0000-4000-8000-000000000001");
    private static readonly Guid GraceId = new("b2000000-0000-4000-8000-000000000002");
    private static readonly Guid PartnershipId = new("c3000000-0000-4000-8000-000000000001");
    private static readonly Guid DanaMembershipId = new("d4000000-0000-4000-8000-000000000001");
    private static readonly Guid GraceMembershipId = new("d4000000-0000-4000-8000-000000000002");
    private static readonly DateTimeOffset CreatedAt = new(2025, 11, 2, 14, 30, 15, 123, TimeSpan.Zero);

    private CoreHost _host = null!;
    private bool _sqlite;

    public async Task InitializeAsync()
    {
        _host = await CoreHost.StartAsync(migrate: false);
        _sqlite = _host.Provider == DatabaseProvider.Sqlite;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    // Values as the first version's EF model wrote them: on SQLite, GUIDs as upper-case text and
    // moments as fixed-width UTC text; on PostgreSQL, native uuid, timestamptz and boolean.
    private object Id(Guid value) => _sqlite ? value.ToString().ToUpperInvariant() : value;

    private object Moment(DateTimeOffset value) =>
        _sqlite ? value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) : value;

    private object Flag(bool value) => _sqlite ? (value ? 1 : 0) : value;

    private async Task<IReadOnlyList<string>> MigrateAsync(string? upTo = null)
    {
        await using var scope = _host.Scope();
        return await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync(upTo);
    }

    private static async Task InsertAsync(DbConnection connection, string table, params (string Column, object? Value)[] values)
    {
        await using var command = connection.CreateCommand();
        var names = string.Join(", ", values.Select(v => v.Column));
        var parameters = string.Join(", ", values.Select((_, i) => $"@p{i}"));
        command.CommandText = $"INSERT INTO {table} ({names}) VALUES ({parameters})";
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            parameter.Value = values[i].Value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        await command.ExecuteNonQueryAsync();
    }

    private (string, object?)[] UserRow(Guid id, string email, string name, Guid organizationId, bool admin)
    {
        var hash = new PasswordHasher<User>().HashPassword(new User { DisplayName = name, OrganizationId = organizationId }, CoreArrange.Password);
        return
        [
            ("id", Id(id)), ("display_name", name), ("organization_id", Id(organizationId)), ("is_site_admin", Flag(admin)),
            ("created_at", Moment(CreatedAt)), ("user_name", email), ("normalized_user_name", email.ToUpperInvariant()),
            ("email", email), ("normalized_email", email.ToUpperInvariant()), ("email_confirmed", Flag(true)),
            ("password_hash", hash), ("security_stamp", Guid.NewGuid().ToString("N").ToUpperInvariant()),
            ("concurrency_stamp", Guid.NewGuid().ToString()), ("phone_number", null), ("phone_number_confirmed", Flag(false)),
            ("two_factor_enabled", Flag(false)), ("lockout_end", null), ("lockout_enabled", Flag(true)), ("access_failed_count", 0),
        ];
    }

    /// <summary>Rows in every first-version table, written with plain SQL; audit entries through EF, which computes the chain.</summary>
    private async Task WriteFirstVersionDataAsync()
    {
        await using (var scope = _host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JoineryDb>();
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await InsertAsync(connection, "organizations", ("id", Id(RiverbendId)), ("name", "Riverbend Behavioral Health"), ("kind", "BehavioralHealth"),
                ("mission", "Recovery-oriented care for the valley."), ("vision", "Full lives in good health."), ("created_at", Moment(CreatedAt)));
            await InsertAsync(connection, "organizations", ("id", Id(EastsideId)), ("name", "Eastside Health Center"), ("kind", "PrimaryCare"),
                ("mission", ""), ("vision", ""), ("created_at", Moment(CreatedAt)));
            await InsertAsync(connection, "users", UserRow(DanaId, "dana@riverbend.example", "Dana Whitfield", RiverbendId, admin: true));
            await InsertAsync(connection, "users", UserRow(GraceId, "grace@eastside.example", "Grace Holloway", EastsideId, admin: false));
            await InsertAsync(connection, "partnerships", ("id", Id(PartnershipId)), ("name", "Whole Health"), ("phase", "Explore"), ("created_at", Moment(CreatedAt)));
            await InsertAsync(connection, "partner_organizations", ("id", Id(Guid.NewGuid())), ("partnership_id", Id(PartnershipId)), ("organization_id", Id(RiverbendId)));
            await InsertAsync(connection, "partner_organizations", ("id", Id(Guid.NewGuid())), ("partnership_id", Id(PartnershipId)), ("organization_id", Id(EastsideId)));
            await InsertAsync(connection, "memberships", ("id", Id(DanaMembershipId)), ("partnership_id", Id(PartnershipId)), ("user_id", Id(DanaId)),
                ("role", "Steward"), ("level", "Executive"), ("is_champion", Flag(true)), ("champion_for", "The integrated care program"), ("joined_at", Moment(CreatedAt)));
            await InsertAsync(connection, "memberships", ("id", Id(GraceMembershipId)), ("partnership_id", Id(PartnershipId)), ("user_id", Id(GraceId)),
                ("role", "Planner"), ("level", "Frontline"), ("is_champion", Flag(false)), ("champion_for", ""), ("joined_at", Moment(CreatedAt)));
            await InsertAsync(connection, "personal_access_tokens", ("id", Id(Guid.NewGuid())), ("user_id", Id(DanaId)), ("name", "reporting"),
                ("token_hash", PersonalAccessToken.Hash(TokenSecret)), ("hint", TokenSecret[..8]), ("created_at", Moment(CreatedAt)),
                ("expires_at", Moment(TestClock.Start.AddDays(30))), ("revoked_at", null), ("last_used_at", null));
            await InsertAsync(connection, "site_settings", ("id", Id(SiteSettings.SingletonId)), ("require_mfa", Flag(true)));
            await connection.CloseAsync();
        }
        await using (var scope = _host.Scope())
        {
            (await scope.ServiceProvider.GetRequiredService<CreateOrganization>().RunAsync(new OrganizationInput("Northside Clinic", "other"))).Succeeded.ShouldBeTrue();
            await scope.ServiceProvider.GetRequiredService<SiteSettingsStore>().SetRequireMfaAsync(false);
        }
    }

    [Fact]
    public async Task Migrating_up_to_the_first_version_applies_only_that_version()
    {
        var applied = await MigrateAsync(FirstVersion);

        applied.ShouldBe([FirstVersion]);
        Migrator.Versions(_host.Provider).Count.ShouldBeGreaterThan(1, "an upgrade test needs a later version");
    }

    [Fact]
    public async Task Upgrading_from_the_first_version_applies_the_rest_and_keeps_every_row()
    {
        await MigrateAsync(FirstVersion);
        await WriteFirstVersionDataAsync();

        var applied = await MigrateAsync();

        applied.ShouldBe(Migrator.Versions(_host.Provider).Skip(1));
        await using var scope = _host.Scope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<JoineryDb>();

        var organizations = await db.Organizations.OrderBy(o => o.Name).ToListAsync();
        organizations.Select(o => (o.Name, o.Kind)).ShouldBe(
        [
            ("Eastside Health Center", OrganizationKind.PrimaryCare),
            ("Northside Clinic", OrganizationKind.Other),
            ("Riverbend Behavioral Health", OrganizationKind.BehavioralHealth),
        ]);
        var riverbend = organizations.Single(o => o.Id == RiverbendId);
        riverbend.Mission.ShouldBe("Recovery-oriented care for the valley.");
        riverbend.CreatedAt.ShouldBe(CreatedAt);

        var dana = await db.Users.SingleAsync(u => u.Id == DanaId);
        dana.Email.ShouldBe("dana@riverbend.example");
        dana.DisplayName.ShouldBe("Dana Whitfield");
        dana.OrganizationId.ShouldBe(RiverbendId);
        dana.IsSiteAdmin.ShouldBeTrue();
        dana.CreatedAt.ShouldBe(CreatedAt);
        var users = services.GetRequiredService<UserManager<User>>();
        (await users.FindByEmailAsync("GRACE@eastside.example")).ShouldNotBeNull().Id.ShouldBe(GraceId);
        (await users.CheckPasswordAsync(dana, CoreArrange.Password)).ShouldBeTrue();

        var partnership = await db.GetPartnershipAsync(PartnershipId);
        partnership.ShouldNotBeNull();
        partnership.Name.ShouldBe("Whole Health");
        partnership.Phase.ShouldBe(Phase.Explore);
        partnership.Partners.Select(p => p.OrganizationId).ShouldBe([RiverbendId, EastsideId], ignoreOrder: true);
        partnership.Members.Select(m => (m.Id, m.Role, m.Level, m.IsChampion, m.ChampionFor)).ShouldBe(
        [
            (DanaMembershipId, MemberRole.Steward, MemberLevel.Executive, true, "The integrated care program"),
            (GraceMembershipId, MemberRole.Planner, MemberLevel.Frontline, false, ""),
        ], ignoreOrder: true);

        (await services.GetRequiredService<PersonalAccessTokens>().AuthenticateAsync(TokenSecret)).User.ShouldNotBeNull().Id.ShouldBe(DanaId);
        (await services.GetRequiredService<SiteSettingsStore>().GetAsync()).RequireMfa.ShouldBeFalse();

        var audit = await services.GetRequiredService<AuditTrail>().VerifyAsync();
        audit.Intact.ShouldBeTrue(audit.Message);
        audit.Checked.ShouldBe(2);
    }

    [Fact]
    public async Task Tables_added_after_the_first_version_work_on_an_upgraded_database()
    {
        await MigrateAsync(FirstVersion);
        await WriteFirstVersionDataAsync();
        await MigrateAsync();

        await using (var scope = _host.ScopeAs(DanaId, RiverbendId, PartnershipId))
        {
            var moved = await scope.ServiceProvider.GetRequiredService<MovePhase>()
                .RunAsync(PartnershipId, new PhaseMove("plan", "Readiness was discussed at the board retreat."));
            moved.Succeeded.ShouldBeTrue(moved.FirstError);
            var invited = await scope.ServiceProvider.GetRequiredService<Invitations>()
                .InviteAsync(PartnershipId, new InvitationInput("owen@eastside.example", EastsideId.ToString(), "clinician", "manager"));
            invited.Succeeded.ShouldBeTrue(invited.FirstError);
        }

        await using var check = _host.Scope();
        var db = check.ServiceProvider.GetRequiredService<JoineryDb>();
        var change = await db.PhaseChanges.SingleAsync();
        (change.From, change.To, change.ChangedByUserId).ShouldBe((Phase.Explore, Phase.Plan, DanaId));
        change.OverrideReason.ShouldBe("Readiness was discussed at the board retreat.");
        var invitation = await db.Invitations.SingleAsync();
        (invitation.Email, invitation.OrganizationId, invitation.Role).ShouldBe(("owen@eastside.example", EastsideId, MemberRole.Clinician));
        (await db.ListOpenInvitationsAsync(PartnershipId)).ShouldHaveSingleItem().Email.ShouldBe("owen@eastside.example");
        (await check.ServiceProvider.GetRequiredService<AuditTrail>().VerifyAsync()).Intact.ShouldBeTrue();
    }
}
