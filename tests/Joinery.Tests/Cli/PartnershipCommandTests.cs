using System.Text.Json;
using Joinery.Core.Data;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Cli;

[Trait(TestClock.Trait, TestClock.Dated)]
public class PartnershipCommandTests : IAsyncLifetime
{
    private CliSession _cli = null!;
    private Guid _riverbendId;
    private Guid _eastsideId;

    public async Task InitializeAsync()
    {
        _cli = await CliSession.StartAsync();
        _riverbendId = await _cli.OrganizationAsync("Riverbend Behavioral Health", "behavioral-health");
        _eastsideId = await _cli.OrganizationAsync("Eastside Health Center", "primary-care");
        await _cli.OrganizationAsync("Northside Clinic");
        await _cli.UserAsync("dana@riverbend.example", "Dana Whitfield", "Riverbend Behavioral Health");
        await _cli.UserAsync("grace@eastside.example", "Grace Holloway", "Eastside Health Center");
        await _cli.UserAsync("nora@northside.example", "Nora Quinn", "Northside Clinic");
    }

    public async Task DisposeAsync() => await _cli.DisposeAsync();

    private async Task<T> WithDbAsync<T>(Func<JoineryDb, Task<T>> read)
    {
        await using var scope = _cli.Host.Scope();
        return await read(scope.ServiceProvider.GetRequiredService<JoineryDb>());
    }

    private Task<Guid> WholeHealthAsync() => _cli.PartnershipAsync("Whole Health", "Riverbend Behavioral Health", "Eastside Health Center");

    private Task<CliResult> AddMemberAsync(string partnership, string email, string role = "planner", string level = "manager", params string[] extra) =>
        _cli.RunAsync(["member", "add", "--partnership", partnership, "--email", email, "--role", role, "--level", level, .. extra]);

    [Fact]
    public async Task Partnership_create_with_organization_names_starts_exploring_with_both_partners()
    {
        var id = await WholeHealthAsync();

        var partnership = await WithDbAsync(db => db.Partnerships.Include(p => p.Partners).SingleAsync(p => p.Id == id));
        partnership.Name.ShouldBe("Whole Health");
        partnership.Phase.ShouldBe(Phase.Explore);
        partnership.Partners.Select(p => p.OrganizationId).ShouldBe([_riverbendId, _eastsideId], ignoreOrder: true);
    }

    [Fact]
    public async Task Partnership_create_accepts_organization_ids_mixed_with_names()
    {
        var id = await _cli.PartnershipAsync("Three Ways", _riverbendId.ToString(), _eastsideId.ToString(), "Northside Clinic");

        var partners = await WithDbAsync(db => db.PartnerOrganizations.Where(p => p.PartnershipId == id).CountAsync());
        partners.ShouldBe(3);
    }

    [Fact]
    public async Task Partnership_create_with_one_organization_is_refused()
    {
        var error = (await _cli.RunAsync("partnership", "create", "--name", "Alone", "--org", "Riverbend Behavioral Health")).ShouldFailWithOneLine();

        error.ShouldBe("error: Choose at least two different partner organizations.");
        (await WithDbAsync(db => db.Partnerships.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Partnership_create_with_the_same_organization_twice_is_refused()
    {
        var error = (await _cli.RunAsync("partnership", "create", "--name", "Mirror", "--org", "Riverbend Behavioral Health", "--org", _riverbendId.ToString()))
            .ShouldFailWithOneLine();

        error.ShouldBe("error: Choose at least two different partner organizations.");
    }

    [Fact]
    public async Task Partnership_create_with_an_unknown_organization_is_refused()
    {
        var error = (await _cli.RunAsync("partnership", "create", "--name", "Ghost", "--org", "Riverbend Behavioral Health", "--org", "Nowhere Clinic"))
            .ShouldFailWithOneLine();

        error.ShouldBe("error: There is no organization 'Nowhere Clinic'.");
    }

    [Fact]
    public async Task Partnership_create_with_a_name_in_use_is_refused()
    {
        await WholeHealthAsync();

        var error = (await _cli.RunAsync("partnership", "create", "--name", "Whole Health", "--org", "Riverbend Behavioral Health", "--org", "Northside Clinic"))
            .ShouldFailWithOneLine();

        error.ShouldBe("error: A partnership named 'Whole Health' already exists.");
    }

    [Fact]
    public async Task Partnership_create_with_json_prints_an_object_with_the_id()
    {
        var result = (await _cli.RunAsync("partnership", "create", "--name", "Whole Health", "--org", "Riverbend Behavioral Health", "--org", "Eastside Health Center", "--json"))
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

        var id = (await AddMemberAsync("Whole Health", "dana@riverbend.example", "steward", "executive")).ShouldPrintAnId();

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

        (await AddMemberAsync("Whole Health", "dana@riverbend.example", role, level)).ShouldFailWithOneLine();

        (await WithDbAsync(db => db.Memberships.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Member_add_to_an_unknown_partnership_is_refused()
    {
        var error = (await AddMemberAsync("No Such Partnership", "dana@riverbend.example")).ShouldFailWithOneLine();

        error.ShouldBe("error: There is no partnership 'No Such Partnership'.");
    }

    [Fact]
    public async Task Member_add_of_a_person_from_an_organization_outside_the_partnership_is_refused()
    {
        await WholeHealthAsync();

        var error = (await AddMemberAsync("Whole Health", "nora@northside.example")).ShouldFailWithOneLine();

        error.ShouldBe("error: This person's organization is not a partner in this partnership.");
    }

    [Fact]
    public async Task Member_add_of_someone_without_an_account_is_refused()
    {
        await WholeHealthAsync();

        var error = (await AddMemberAsync("Whole Health", "stranger@riverbend.example")).ShouldFailWithOneLine();

        error.ShouldBe("error: No account has the email stranger@riverbend.example; invite them instead.");
    }

    [Fact]
    public async Task Member_add_of_an_existing_member_is_refused()
    {
        await WholeHealthAsync();
        (await AddMemberAsync("Whole Health", "dana@riverbend.example")).ShouldPrintAnId();

        var error = (await AddMemberAsync("Whole Health", "dana@riverbend.example", "viewer", "frontline")).ShouldFailWithOneLine();

        error.ShouldBe("error: dana@riverbend.example is already a member.");
    }

    [Fact]
    public async Task Member_add_with_json_prints_an_object_with_the_id()
    {
        var partnershipId = await WholeHealthAsync();

        var result = (await AddMemberAsync("Whole Health", "dana@riverbend.example", "steward", "executive", "--champion", "--json")).ShouldSucceed();

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

        var error = (await AddMemberAsync("Whole Health", "grace@eastside.example")).ShouldFailWithOneLine();

        error.ShouldBe($"error: {PartnershipArchivedException.Text}");
        (await WithDbAsync(db => db.Memberships.IgnoreQueryFilters().CountAsync(m => m.PartnershipId == partnership))).ShouldBe(0);
    }
}
