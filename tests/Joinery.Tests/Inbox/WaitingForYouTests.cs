using Joinery.Core.Data;
using Joinery.Core.Inbox;
using Joinery.Core.Mission;
using Joinery.Core.Partnerships;
using Joinery.Core.Trust;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Inbox;

/// <summary>The inbox puts together what the features say waits for a person; done items disappear at once.</summary>
public sealed class WaitingForYouTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    private Task<IReadOnlyList<InboxItem>> InboxOfAsync(Person person) =>
        app.ActingAsAsync(person, services => services.GetRequiredService<WaitingForYou>().RunAsync());

    private Task PublishMissionAsync(SeededPartnership p, int number = 1, bool published = true) => app.WithCoreAsync(async services =>
    {
        var db = services.GetRequiredService<JoineryDb>();
        db.Set<MissionVersion>().Add(new MissionVersion
        {
            PartnershipId = p.Id,
            Number = number,
            Vision = "One place for body and mind.",
            Mission = "Care together.",
            AuthorUserId = p.Steward.UserId,
            CreatedAt = db.Now,
            PublishedAt = published ? db.Now : null,
        });
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Only_the_current_version_waits_and_a_newer_draft_means_nothing_is_published_to_read()
    {
        var p = await app.APartnership().With(MemberRole.Steward, MemberLevel.Executive).BuildAsync();
        await PublishMissionAsync(p, 1);
        await PublishMissionAsync(p, 2);

        (await InboxOfAsync(p.Steward)).ShouldHaveSingleItem().Title.ShouldBe("Read the published mission (version 2)");

        await PublishMissionAsync(p, 3, published: false);
        (await InboxOfAsync(p.Steward)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_published_mission_waits_for_each_member_until_they_have_read_it()
    {
        var p = await app.APartnership().With(MemberRole.Steward, MemberLevel.Executive).With(MemberRole.Viewer, MemberLevel.Frontline, partner: 1).BuildAsync();
        var viewer = p.First(MemberRole.Viewer);
        (await InboxOfAsync(viewer)).ShouldBeEmpty("nothing is published yet");

        await PublishMissionAsync(p);

        var item = (await InboxOfAsync(viewer)).ShouldHaveSingleItem();
        item.ShouldBe(item with { Kind = "mission-to-read", PartnershipId = p.Id, Link = $"/partnerships/{p.Id}/mission", Title = "Read the published mission (version 1)" });
        item.Why.ShouldContain("Every member");
        (await InboxOfAsync(p.Steward)).Select(i => i.Kind).ShouldBe(["mission-to-read"]);

        var read = await app.ActingAsAsync(viewer, services => services.GetRequiredService<MissionWork>().AcknowledgeAsync(p.Id));
        read.Succeeded.ShouldBeTrue(read.FirstError);
        (await InboxOfAsync(viewer)).ShouldBeEmpty("read, so done");
        (await InboxOfAsync(p.Steward)).ShouldHaveSingleItem("the steward has not read it yet");
    }

    [Fact]
    public async Task An_open_pulse_round_waits_until_answered_and_never_for_a_member_of_another_partnership()
    {
        var p = await app.APartnership().With(MemberRole.Steward, MemberLevel.Executive).With(MemberRole.Viewer, MemberLevel.Frontline, partner: 1).BuildAsync();
        var other = await app.APartnership().With(MemberRole.Steward, MemberLevel.Executive).BuildAsync();
        var viewer = p.First(MemberRole.Viewer);
        var round = await app.ActingAsAsync(p.Steward, services => services.GetRequiredService<PulseWork>().OpenRoundAsync(p.Id));
        round.Succeeded.ShouldBeTrue(round.FirstError);

        var item = (await InboxOfAsync(viewer)).ShouldHaveSingleItem();
        item.Kind.ShouldBe("pulse-to-answer");
        item.Link.ShouldBe($"/partnerships/{p.Id}/pulse/{round.Value!.Id}");
        (await InboxOfAsync(other.Steward)).ShouldBeEmpty();

        var answers = PulseCatalog.Items.Select(i => new PulseAnswerInput(i.Id, 4)).ToList();
        var answered = await app.ActingAsAsync(viewer, services => services.GetRequiredService<PulseWork>().SubmitAsync(p.Id, round.Value.Id, new PulseSubmission(answers, null)));
        answered.Succeeded.ShouldBeTrue(answered.FirstError);
        (await InboxOfAsync(viewer)).ShouldBeEmpty();
        (await InboxOfAsync(p.Steward)).Select(i => i.Kind).ShouldBe(["pulse-to-answer"]);
    }

    [Fact]
    public async Task An_archived_partnership_waits_for_nobody()
    {
        var p = await app.APartnership().With(MemberRole.Steward, MemberLevel.Executive).BuildAsync();
        await PublishMissionAsync(p);
        (await InboxOfAsync(p.Steward)).ShouldHaveSingleItem();

        await app.WithCoreAsync(async services =>
        {
            var db = services.GetRequiredService<JoineryDb>();
            var partnership = await db.Partnerships.SingleAsync(x => x.Id == p.Id);
            partnership.ArchivedAt = db.Now;
            partnership.ArchivedByUserId = p.Steward.UserId;
            await db.SaveChangesAsync();
        });

        (await InboxOfAsync(p.Steward)).ShouldBeEmpty();
    }
}
