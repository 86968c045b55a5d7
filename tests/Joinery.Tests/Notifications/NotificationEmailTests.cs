using System.Net;
using Joinery.Core.Decisions;
using Joinery.Core.Notifications;
using Joinery.Core.Partnerships;
using Joinery.Core.Trust;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Joinery.Tests.Notifications;

/// <summary>
/// What waits for people reaches them by e-mail, through a real SMTP server in the test process:
/// urgent items at once and once, the rest in the digest they chose, each kind with one-click unsubscribe.
/// </summary>
public sealed class NotificationEmailTests(MailingApp mailing) : IClassFixture<MailingApp>
{
    private JoineryApp App => mailing.App;

    private TestMailServer Mail => mailing.Mail;

    private Task<NotificationRun> SendAsync() => App.WithCoreAsync(s => s.GetRequiredService<SendNotifications>().RunAsync());

    private async Task<(SeededPartnership P, Person Other, Guid Decision)> ADecisionToSignOffAsync()
    {
        var p = await App.APartnership().With(MemberRole.Steward, MemberLevel.Executive).With(MemberRole.Planner, MemberLevel.Executive, partner: 1).BuildAsync();
        var decision = await App.ActingAsAsync(p.Steward, s => s.GetRequiredService<DecisionsWork>().CreateAsync(p.Id,
            new DecisionInput("Who books the shared nurse", "Patient Ms. Example's schedule conflicts", "", "negotiable", "", "Eastside's front desk books.", "proposed")));
        decision.Succeeded.ShouldBeTrue(decision.FirstError);
        return (p, p.First(MemberRole.Planner), decision.Value);
    }

    [Fact]
    public async Task An_urgent_item_is_emailed_at_once_and_only_once_with_a_link_and_nothing_of_the_record()
    {
        var (p, other, decision) = await ADecisionToSignOffAsync();

        var run = await SendAsync();

        run.MailConfigured.ShouldBeTrue();
        var message = Mail.To(other.Email).ShouldHaveSingleItem();
        message.Subject.ShouldBe("Waiting for you on Joinery: Sign off the decision \"Who books the shared nurse\"");
        message.From.Mailboxes.Single().Address.ShouldBe("joinery@test.example");
        var text = message.TextBody.ShouldNotBeNull();
        text.ShouldContain($"http://localhost/partnerships/{p.Id}/decisions/{decision}");
        text.ShouldNotContain("Ms. Example", Case.Insensitive, "the e-mail says what waits, not what the record holds");
        text.ShouldNotContain("front desk books", Case.Insensitive);
        message.Headers[HeaderId.ListUnsubscribePost].ShouldBe("List-Unsubscribe=One-Click");
        message.Headers[HeaderId.ListUnsubscribe].ShouldStartWith("<http://localhost/notifications/unsubscribe?key=");
        Mail.To(p.Steward.Email).ShouldHaveSingleItem("the steward is an executive of the other partner");

        await SendAsync();
        Mail.To(other.Email).Count.ShouldBe(1, "an urgent item is e-mailed once");
    }

    [Fact]
    public async Task One_click_unsubscribe_stops_that_kind_and_opening_the_link_only_asks()
    {
        var (p, other, _) = await ADecisionToSignOffAsync();
        await SendAsync();
        var link = Mail.To(other.Email).Single().Headers[HeaderId.ListUnsubscribe].ShouldNotBeNull().Trim('<', '>');
        var path = new Uri(link).PathAndQuery;
        var anonymous = App.CreateClient(new() { AllowAutoRedirect = false });

        var opened = await anonymous.GetStringAsync(path);
        opened.ShouldContain("Stop e-mails about decisions to sign off?");
        (await ChoicesOfAsync(other)).Kinds.Single(k => k.Code == "decision-to-sign-off").Emailed.ShouldBeTrue("opening the link changes nothing");

        // As a mail program does it (RFC 8058): a POST with no form token.
        var posted = await anonymous.PostAsync(path, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await posted.Content.ReadAsStringAsync()).ShouldContain("will not e-mail you about decisions to sign off");
        (await ChoicesOfAsync(other)).Kinds.Single(k => k.Code == "decision-to-sign-off").Emailed.ShouldBeFalse();

        var second = await App.ActingAsAsync(other, s => s.GetRequiredService<DecisionsWork>().CreateAsync(p.Id,
            new DecisionInput("Shared waiting room", "Two waiting rooms", "", "negotiable", "", "One room.", "proposed")));
        second.Succeeded.ShouldBeTrue(second.FirstError);
        await SendAsync();
        Mail.To(other.Email).Count.ShouldBe(1, "that kind is no longer e-mailed");

        (await anonymous.GetAsync(path.Replace("key=", "key=0", StringComparison.Ordinal))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_digest_comes_at_the_digest_hour_with_what_is_new_marked_and_weekly_only_on_its_day()
    {
        var p = await App.APartnership().With(MemberRole.Steward, MemberLevel.Executive).With(MemberRole.Clinician, MemberLevel.Frontline).BuildAsync();
        var nurse = p.First(MemberRole.Clinician);
        var round = await App.ActingAsAsync(p.Steward, s => s.GetRequiredService<PulseWork>().OpenRoundAsync(p.Id));
        round.Succeeded.ShouldBeTrue(round.FirstError);

        await SendAsync();
        Mail.To(nurse.Email).ShouldBeEmpty("a pulse is not urgent, and the first digest waits for the digest hour");

        MoveToNextDigestHour();
        await SendAsync();
        var digest = Mail.To(nurse.Email).ShouldHaveSingleItem();
        digest.Subject.ShouldBe("Your Joinery day: 1 thing waiting, 1 new");
        var text = digest.TextBody.ShouldNotBeNull();
        text.ShouldContain("- New: Answer pulse round 1");
        text.ShouldContain($"http://localhost/partnerships/{p.Id}/pulse/{round.Value!.Id}");

        await SendAsync();
        Mail.To(nurse.Email).Count.ShouldBe(1, "one digest per day");

        var weekly = await App.ActingAsAsync(nurse, s => s.GetRequiredService<ChangeNotificationSettings>()
            .RunAsync(new NotificationChoicesInput(true, "weekly", ["pulse-to-answer", "mission-to-read"])));
        weekly.Succeeded.ShouldBeTrue(weekly.FirstError);
        MoveToNextDigestHour();
        if (App.Clock.GetUtcNow().DayOfWeek != DayOfWeek.Monday)
        {
            await SendAsync();
            Mail.To(nurse.Email).Count.ShouldBe(1, "weekly digests go out on Mondays");
        }
        while (App.Clock.GetUtcNow().DayOfWeek != DayOfWeek.Monday)
        {
            MoveToNextDigestHour();
        }
        await SendAsync();
        Mail.To(nurse.Email).Count.ShouldBe(2);
        Mail.To(nurse.Email)[1].Subject.ShouldBe("Your Joinery week: 1 thing waiting", "no longer new");
    }

    [Fact]
    public async Task The_settings_page_saves_choices_and_a_deactivated_account_gets_nothing()
    {
        var (p, other, _) = await ADecisionToSignOffAsync();
        var browser = await App.SignedInAsync(other);
        var page = await browser.ReadPageAsync("/account/notifications");
        page.ShouldContain("Decisions to sign off (urgent)");

        var saved = await browser.SubmitFormAsync("/account/notifications", new() { ["Input.Immediate"] = "false", ["Input.Digest"] = "never" });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var choices = await ChoicesOfAsync(other);
        (choices.Immediate, choices.Digest).ShouldBe((false, DigestFrequency.Never));
        choices.Kinds.ShouldAllBe(k => !k.Emailed);

        var refused = await browser.SubmitFormAsync("/account/notifications", new() { ["Input.Digest"] = "hourly" });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("how often the digest comes");

        await App.WithCoreAsync(async s =>
        {
            var db = s.GetRequiredService<Joinery.Core.Data.JoineryDb>();
            (await db.Users.SingleAsync(u => u.Id == p.Steward.UserId)).Deactivate(db.Now);
            await db.SaveChangesAsync();
        });
        await SendAsync();
        Mail.To(other.Email).ShouldBeEmpty("they chose no e-mail");
        Mail.To(p.Steward.Email).ShouldBeEmpty("a deactivated account is not e-mailed");
    }

    private void MoveToNextDigestHour()
    {
        var now = App.Clock.GetUtcNow();
        var next = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddHours(new NotificationOptions().DigestHourUtc);
        App.Clock.SetUtcNow(next > now ? next.AddMinutes(1) : next.AddDays(1).AddMinutes(1));
    }

    private Task<NotificationChoices> ChoicesOfAsync(Person person) =>
        App.ActingAsAsync(person, async s => (await s.GetRequiredService<ShowNotificationSettings>().RunAsync())!);
}
