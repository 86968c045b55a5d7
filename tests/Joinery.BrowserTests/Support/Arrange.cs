using Joinery.Core.Accounts;
using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Demo;
using Joinery.Core.Organizations;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.BrowserTests.Support;

/// <summary>
/// Data a journey starts from, written through the core operations (as the CLI does) before the
/// app starts, so each journey spends its time on the screens it is about.
/// </summary>
public sealed class Arrange(IServiceProvider services)
{
    public const string Password = "Correct-Horse-Battery-Staple-42";

    /// <summary>The core operations, for what a journey needs beyond the helpers here.</summary>
    public IServiceProvider Services => services;

    public async Task<Guid> OrganizationAsync(string name, string kind) =>
        Succeeded(await services.GetRequiredService<CreateOrganization>().RunAsync(new OrganizationInput(name, kind)));

    public async Task<Guid> PersonAsync(string email, string name, string organization, bool isSiteAdmin = false) =>
        Succeeded(await services.GetRequiredService<CreateUser>().RunAsync(new UserInput(email, name, organization, Password, isSiteAdmin)));

    public async Task<Guid> PartnershipAsync(string name, params string[] organizations) =>
        Succeeded(await services.GetRequiredService<CreatePartnership>().RunAsync(new PartnershipInput(name, organizations)));

    public async Task<Guid> MemberAsync(Guid partnershipId, string email, string role, string level) =>
        Succeeded(await services.GetRequiredService<AddMember>().RunAsync(partnershipId, new MemberInput(email, role, level)));

    /// <summary>
    /// Riverside Behavioral Health and Maple Street Clinic in one partnership (Explore phase), with
    /// Alex Rivera (site administrator) as steward and Sam Okafor from the clinic as a planner.
    /// </summary>
    public async Task<Guid> TwoPartnersAsync()
    {
        await OrganizationAsync(People.Bh, "behavioral-health");
        await OrganizationAsync(People.Pc, "primary-care");
        await PersonAsync(People.Steward.Email, People.Steward.Name, People.Bh, isSiteAdmin: true);
        await PersonAsync(People.Planner.Email, People.Planner.Name, People.Pc);
        var id = await PartnershipAsync(People.PartnershipName, People.Bh, People.Pc);
        await MemberAsync(id, People.Steward.Email, "steward", "executive");
        await MemberAsync(id, People.Planner.Email, "planner", "manager");
        return id;
    }

    /// <summary>
    /// The demo partnership that <c>joinery demo seed</c> loads, in place of everything in this
    /// database: seeded once per test run by <see cref="SeedDemo"/> and copied in.
    /// </summary>
    public async Task<DemoResult> DemoAsync() =>
        await JoineryServer.CopyDemoAsync(services.GetRequiredService<JoineryDb>().Database.GetConnectionString()!);

    private static T Succeeded<T>(Outcome<T> outcome) =>
        outcome.Succeeded ? outcome.Value! : throw new InvalidOperationException($"Arranging test data failed: {outcome.FirstError}");
}

/// <summary>The people and organizations of <see cref="Arrange.TwoPartnersAsync"/>.</summary>
public static class People
{
    public const string Bh = "Riverside Behavioral Health";
    public const string Pc = "Maple Street Clinic";
    public const string PartnershipName = "Riverside–Maple Street Partnership";

    public static readonly Person Steward = new("alex.rivera@riverside.example", "Alex Rivera");
    public static readonly Person Planner = new("sam.okafor@maple.example", "Sam Okafor");
}

public sealed record Person(string Email, string Name);
