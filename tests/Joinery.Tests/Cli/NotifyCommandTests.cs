using Joinery.Tests.Support;

namespace Joinery.Tests.Cli;

/// <summary><c>joinery notify send</c>: one look for what to e-mail, for a cron job, against a real SMTP server.</summary>
public sealed class NotifyCommandTests
{
    [Fact]
    public async Task Without_a_mail_server_it_says_what_to_set_and_with_one_it_mails_the_demo_executives_their_sign_offs()
    {
        await using var cli = await CliSession.StartAsync();
        (await cli.RunAsync("notify", "send")).ShouldFailWithOneLine().ShouldContain("set Smtp:Host");

        (await cli.RunAsync("demo", "seed")).ShouldSucceed();
        using var mail = new TestMailServer();
        var sent = (await cli.RunAsync("notify", "send", "--Smtp:Host=127.0.0.1", $"--Smtp:Port={mail.Port}")).ShouldSucceed();

        sent.OutLines.ShouldHaveSingleItem().ShouldMatch(@"^Looked at \d+ people: [1-9]\d* urgent and 0 digest e-mails sent\.$");
        // The consent decision waits for Eastside's executives: Riverbend's has signed it off.
        mail.To("grace.holloway@eastside.example").ShouldHaveSingleItem().Subject.ShouldNotBeNull().ShouldContain("Sign off the decision");
        mail.To("dana.whitfield@riverbend.example").Where(m => (m.Subject ?? "").Contains("Sign off", StringComparison.Ordinal)).ShouldBeEmpty();
    }
}
