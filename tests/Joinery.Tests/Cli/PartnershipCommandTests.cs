using System.Text.Json;
using Joinery.Core.Data;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Cli;

/// <remarks>
/// The cases share one database and the organizations and people arranged once in it (no case
/// changes them); each case creates partnerships of its own, named with a unique suffix, and where it
/// proves that nothing was saved it compares counts before and after (the cases run one at a time).
/// </remarks>
[Trait(TestClock.Trait, TestClock.Dated)]
public class PartnershipCommandTests(PartnershipCommandTests.People people) : IClassFixture<PartnershipCommandTests.People>
{
    /// <summary>Three organizations with one person each, in a database the class's cases share.</summary>
    public sealed class People : IAsyncLifetime
    {
        public CliSession Cli { get; private set; } = null!;
        public Guid RiverbendId { get; private set; }
        public Guid EastsideId { get; private set; }

        public async Task InitializeAsync()
        {
            Cli = await CliSession.StartAsync();
            RiverbendId = await Cli.OrganizationAsync("Riverbend Behavioral Health", "behavioral-health");
            EastsideId = await Cli.OrganizationAsync("Eastside Health Center", "primary-care");
            await Cli.OrganizationAsync("Northside Clinic");
            await Cli.UserAsync("dana@riverbend.example", "Dana Whitfield", "Riverbend Behavioral Health");
            await Cli.UserAsync("grace@eastside.example", "Grace Holloway", "Eastside Health Center");
            await Cli.UserAsync("nora@northside.example", "Nora Quinn", "Northside Clinic");
        }

        public async Task DisposeAsync() => await Cli.DisposeAsync();
    }

    private readonly CliSession _cli = people.Cli;
    private readonly Guid _riverbendId = people.RiverbendId;
    private readonly Guid _eastsideId = people.EastsideId;
    private readonly string _n = people.Cli.Unique();

    /// <summary>This case's partnership of Riverbend and Eastside.</summary>
    private string WholeHealth => $"Whole Health {_n}";

    private async Task<T> WithDbAsync<T>(Func<JoineryDb, Task<T>> read)
    {
        await using var scope = _cli.Host.Scope();
        return await read(scope.ServiceProvider.GetRequiredService<JoineryDb>());
    }

    private Task<Guid> WholeHealthAsync() => _cli.PartnershipAsync(WholeHealth, "Riverbend Behavioral Health", "Eastside Health Center");

    private Task<CliResult> AddMemberAsync(string partnership, string email, string role = "planner", string level = "manager", params string[] extra) =>
        _cli.RunAsync(["member", "add", "--partnership", partnership, "--email", email, "--role", role, "--level", level, .. extra]);

    [Fact]
    public async Task Partnership_create_with_organization_names_starts_exploring_with_both_partners()
    {
        var id = await WholeHealthAsync();

        var partnership = await WithDbAsync(db => db.Partnerships.Include(p => p.Partners).SingleAsync(p => p.Id == id));
        partnership.Name.ShouldBe(WholeHealth);
        partnership.Phase.ShouldBe(Phase.Explore);
        partnership.Partners.Select(p => p.OrganizationId).ShouldBe([_riverbendId, _eastsideId], ignoreOrder: true);
    }

    [Fact]
    public async Task Partnership_create_accepts_organization_ids_mixed_with_names()
    {
        var id = await _cli.PartnershipAsync($"Three Ways {_n}", _riverbendId.ToString(), _eastsideId.ToString(), "Northside Clinic");

        var partners = await WithDbAsync(db => db.PartnerOrganizations.Where(p => p.PartnershipId == id).CountAsync());
        partners.ShouldBe(3);
    }

    [Fact]
    public async Task Partnership_create_with_one_organization_is_refused()
    {
        var before = await WithDbAsync(db => db.Partnerships.CountAsync());

        var error = (await _cli.RunAsync("partnership", "create", "--name", $"Alone {_n}", "--org", "Riverbend Behavioral Health")).ShouldFailWithOneLine();

        error.ShouldBe("error: Choose at least two different partner organizations.");
        (await WithDbAsync(db => db.Partnerships.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task Partnership_create_with_the_same_organization_twice_is_refused()
    {
        var error = (await _cli.RunAsync("partnership", "create", "--name", $"Mirror {_n}", "--org", "Riverbend Behavioral Health", "--org", _riverbendId.ToString()))
            .ShouldFailWithOneLine();

        error.ShouldBe("error: Choose at least two different partner organizations.");
    }

    [Fact]
    public async Task Partnership_create_with_an_unknown_organization_is_refused()
    {
        var error = (await _cli.RunAsync("partnership", "create", "--name", $"Ghost {_n}", "--org", "Riverbend Behavioral Health", "--org", "Nowhere Clinic"))
            .ShouldFailWithOneLine();

        error.ShouldBe("error: There is no organization 'Nowhere Clinic'.");
    }

    [Fact]
    public async Task Partnership_create_with_a_name_in_use_is_refused()
    {
        await WholeHealthAsync();

        var error = (await _cli.RunAsync("partnership", "create", "--name", WholeHealth, "--org", "Riverbend Behavioral Health", "--org", "Northside Clinic"))
            .ShouldFailWithOneLine();

        error.ShouldBe($"error: A partnership named '{WholeHealth}' already exists.");
    }

    [Fact]
    public async Task Partnership_create_with_json_prints_an_object_with_the_id()
    {
        var result = (await _cli.RunAsync("partnership", "create", "--name", WholeHealth, "--org", "Riverbend Behavioral Health", "--org", "Eastside Health Center", "--json"))
            .ShouldSucceed();

        using var json = JsonDocument.Parse(result.Out);
        var id = json.RootElement.GetProperty("id").GetGuid();
        json.RootElement.GetProperty("phase").GetString().ShouldBe("explore");
        (await WithDbAsync(db => db.Partnerships.AnyAsync(p => p.Id == id))).ShouldBeTrue();
    }

    [Fact]
    public async Task Member_add_by_partnership_name_stores_role_and_level()
    {
        var partnershipId = await WholeHealthAsync();

        var id = (await AddMemberAsync(WholeHealth, "dana@riverbend.example", "steward", "executive")).ShouldPrintAnId();

        var membership = await WithDbAsync(db => db.Memberships.Include(m => m.User).SingleAsync(m => m.Id == id));
        membership.PartnershipId.ShouldBe(partnershipId);
        membership.User!.Email.ShouldBe("dana@riverbend.example");
        membership.Role.ShouldBe(MemberRole.Steward);
        membership.Level.ShouldBe(MemberLevel.Executive);
        membership.IsChampion.ShouldBeFalse();
    }

    [Fact]
    public async Task Member_add_by_partnership_id_with_champion_names_a_champion()
    {
        var partnershipId = await WholeHealthAsync();

        var id = (await AddMemberAsync(partnershipId.ToString(), "grace@eastside.example", "clinician", "frontline", "--champion")).ShouldPrintAnId();

        var membership = await WithDbAsync(db => db.Memberships.SingleAsync(m => m.Id == id));
        membership.PartnershipId.ShouldBe(partnershipId);
        membership.Role.ShouldBe(MemberRole.Clinician);
        membership.Level.ShouldBe(MemberLevel.Frontline);
        membership.IsChampion.ShouldBeTrue();
    }

    [Theory]
    [InlineData("boss", "manager")]
    [InlineData("viewer", "intern")]
    [InlineData("", "manager")]
    public async Task Member_add_with_an_unknown_role_or_level_is_refused(string role, string level)
    {
        await WholeHealthAsync();
        var before = await WithDbAsync(db => db.Memberships.CountAsync());

        (await AddMemberAsync(WholeHealth, "dana@riverbend.example", role, level)).ShouldFailWithOneLine();

        (await WithDbAsync(db => db.Memberships.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task Member_add_to_an_unknown_partnership_is_refused()
    {
        var error = (await AddMemberAsync($"No Such Partnership {_n}", "dana@riverbend.example")).ShouldFailWithOneLine();

        error.ShouldBe($"error: There is no partnership 'No Such Partnership {_n}'.");
    }

    [Fact]
    public async Task Member_add_of_a_person_from_an_organization_outside_the_partnership_is_refused()
    {
        await WholeHealthAsync();

        var error = (await AddMemberAsync(WholeHealth, "nora@northside.example")).ShouldFailWithOneLine();

        error.ShouldBe("error: This person's organization is not a partner in this partnership.");
    }

    [Fact]
    public async Task Member_add_of_someone_without_an_account_is_refused()
    {
        await WholeHealthAsync();

        var error = (await AddMemberAsync(WholeHealth, "stranger@riverbend.example")).ShouldFailWithOneLine();

        error.ShouldBe("error: No account has the email stranger@riverbend.example; invite them instead.");
    }

    [Fact]
    public async Task Member_add_of_an_existing_member_is_refused()
    {
        await WholeHealthAsync();
        (await AddMemberAsync(WholeHealth, "dana@riverbend.example")).ShouldPrintAnId();

        var error = (await AddMemberAsync(WholeHealth, "dana@riverbend.example", "viewer", "frontline")).ShouldFailWithOneLine();

        error.ShouldBe("error: dana@riverbend.example is already a member.");
    }

    [Fact]
    public async Task Member_add_with_json_prints_an_object_with_the_id()
    {
        var partnershipId = await WholeHealthAsync();

        var result = (await AddMemberAsync(WholeHealth, "dana@riverbend.example", "steward", "executive", "--champion", "--json")).ShouldSucceed();

        using var json = JsonDocument.Parse(result.Out);
        var id = json.RootElement.GetProperty("id").GetGuid();
        json.RootElement.GetProperty("partnershipId").GetGuid().ShouldBe(partnershipId);
        json.RootElement.GetProperty("champion").GetBoolean().ShouldBeTrue();
        (await WithDbAsync(db => db.Memberships.AnyAsync(m => m.Id == id))).ShouldBeTrue();
    }

    [Fact]
    public async Task Member_add_to_an_archived_partnership_is_refused_with_one_line_and_adds_nobody()
    {
        var partnership = await WholeHealthAsync();
        await WithDbAsync(db => db.Partnerships.Where(p => p.Id == partnership)
            .ExecuteUpdateAsync(p => p.SetProperty(x => x.Phase, Phase.Close).SetProperty(x => x.ArchivedAt, TestClock.Start)));

        var error = (await AddMemberAsync(WholeHealth, "grace@eastside.example")).ShouldFailWithOneLine();

        error.ShouldBe($"error: {PartnershipArchivedException.Text}");
        (await WithDbAsync(db => db.Memberships.IgnoreQueryFilters().CountAsync(m => m.PartnershipId == partnership))).ShouldBe(0);
    }
}
