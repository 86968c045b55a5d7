using Joinery.Core.Data;
using Joinery.Core.Partnerships;
using Joinery.Tests.Cli;
using Joinery.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Accounts;

[Trait(TestClock.Trait, TestClock.Dated)]
[Collection(DemoDatabase.Name)]
public sealed class JobTitleDemoTests(SharedCliSession shared)
{
    [Fact]
    public async Task Everyone_in_the_demo_partnership_has_a_job_title_for_the_members_page()
    {
        var id = await shared.Cli.SeedDemoAsync();

        await using var scope = shared.Cli.Host.Scope();
        var members = await scope.ServiceProvider.GetRequiredService<JoineryDb>().ListMembersAsync(id);

        members.Count.ShouldBe(12);
        members.ShouldAllBe(m => m.JobTitle.Length > 0);
        members.Single(m => m.Name == "Jamal Carter").JobTitle.ShouldBe("Medical assistant");
        members.Single(m => m.Name == "Sam Keller").JobTitle.ShouldBe("Care manager");
    }
}
