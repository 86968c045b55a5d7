namespace Joinery.Tests.Cli;

/// <summary>Whatever goes wrong, scripts get a non-zero exit and one line on stderr that starts with "error:".</summary>
/// <remarks>Every case fails before anything is written, so the cases share one database.</remarks>
public class CommandLineErrorTests(SharedCliSession shared) : IClassFixture<SharedCliSession>
{
    private readonly CliSession _cli = shared.Cli;

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("")]
    [InlineData("org")]
    [InlineData("org create --name Riverbend")]
    [InlineData("org create --name Riverbend --kind hospital")]
    [InlineData("org create --name Riverbend --kind other --colour blue")]
    [InlineData("user create --email a@b.org --name A --org X")]
    [InlineData("partnership create --name P")]
    [InlineData("member add --partnership P --email a@b.org --role boss --level manager")]
    [InlineData("member add --partnership P --email a@b.org --role viewer --level intern")]
    [InlineData("token create --email a@b.org --name ci --expires soon")]
    [InlineData("db backup")]
    [InlineData("db restore")]
    public async Task A_command_line_that_does_not_parse_fails_with_one_error_line(string commandLine)
    {
        var result = await _cli.RunAsync(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        result.ShouldFailWithOneLine();
    }

    [Fact]
    public async Task An_unknown_kind_is_refused_with_the_kinds_to_choose_from()
    {
        var error = (await _cli.RunAsync("org", "create", "--name", "Riverbend", "--kind", "hospital")).ShouldFailWithOneLine();

        error.ShouldContain("'hospital'");
        error.ShouldContain("behavioral-health");
        error.ShouldContain("primary-care");
    }

    [Fact]
    public async Task An_unknown_database_provider_is_reported_in_one_line()
    {
        var error = (await _cli.RunAsync("--Database:Provider=Oracle", "org", "create", "--name", "Riverbend", "--kind", "other")).ShouldFailWithOneLine();

        error.ShouldBe("error: Database:Provider must be Sqlite or Postgres, not 'Oracle'.");
    }

    [Theory]
    [InlineData("--Uploads:MaxDocumentMegabytes=50", "error: Uploads:MaxDocumentMegabytes must be a whole number from 1 to 10.")]
    [InlineData("--Uploads:MaxDocumentMegabytes=lots", "error: Uploads:MaxDocumentMegabytes must be a whole number, not 'lots'.")]
    public async Task A_bad_setting_is_reported_in_one_line_naming_the_key_and_what_it_may_hold(string setting, string expected)
    {
        var error = (await _cli.RunAsync(setting, "org", "create", "--name", "Riverbend", "--kind", "other")).ShouldFailWithOneLine();

        error.ShouldBe(expected);
    }

    [Fact]
    public async Task A_clock_today_that_is_not_a_date_is_reported_in_one_line()
    {
        var error = (await _cli.RunAsync("--Clock:Today=next monday", "org", "create", "--name", "Riverbend", "--kind", "other")).ShouldFailWithOneLine();

        error.ShouldStartWith("error: Clock:Today must be a date as yyyy-MM-dd");
    }

    [Fact]
    public async Task An_unreachable_database_is_reported_in_one_line()
    {
        var result = await _cli.RunAsync("--Database:Provider=Postgres", "--ConnectionStrings:Joinery=Host=127.0.0.1;Port=1;Username=nobody;Timeout=5",
            "org", "create", "--name", "Riverbend", "--kind", "other");

        result.ShouldFailWithOneLine().ShouldStartWith("error: the database could not be used: ");
    }

    [Fact]
    public async Task Help_is_not_an_error()
    {
        var result = await _cli.RunAsync("org", "create", "--help");

        result.ExitCode.ShouldBe(0);
        result.Out.ShouldContain("--kind");
        result.Error.ShouldBeEmpty();
    }
}
