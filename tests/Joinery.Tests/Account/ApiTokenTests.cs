using System.Net;
using Joinery.Core.Accounts;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Account;

[Trait(TestClock.Trait, TestClock.Dated)]
public sealed class ApiTokenTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    [Fact]
    public async Task A_request_without_a_token_gets_401_problem()
    {
        var response = await app.Api(token: null).GetAsync("/api/v1/me");

        var problem = await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
        problem.Text("detail").ShouldContain("Bearer");
    }

    [Theory]
    [InlineData("Bearer jny_thisTokenWasNeverIssued0000000000000000000")]
    [InlineData("Bearer not-a-joinery-token")]
    [InlineData("Bearer ")]
    [InlineData("Basic dXNlcjpwYXNzd29yZA==")]
    [InlineData("jny_missingTheSchemeWord")]
    public async Task A_request_with_an_invalid_authorization_header_gets_401_problem(string header)
    {
        var client = app.Api(token: null);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", header);

        var response = await client.GetAsync("/api/v1/partnerships");

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unknown_api_route_answers_404_problem_even_without_a_token()
    {
        var response = await app.Api(token: null).GetAsync("/api/v1/nothing/here");

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_oversized_token_gets_401_problem()
    {
        var response = await app.Api("jny_" + new string('a', 10_000)).GetAsync("/api/v1/me");

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_created_on_the_profile_page_opens_the_api_and_is_stored_only_as_a_hash()
    {
        var p = await app.APartnership().BuildAsync();
        var browser = await app.SignedInAsync(p.Steward);

        var created = await browser.SubmitFormAsync("/account/profile?handler=CreateToken", new() { ["TokenName"] = "reporting script", ["TokenDays"] = "30" });

        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var secret = Forms.InputValue(await browser.ReadPageAsync("/account/profile"), "new-token");
        secret.ShouldNotBeNull();
        secret.ShouldStartWith("jny_");
        var me = await app.Api(secret).GetJsonAsync("/api/v1/me");
        me.Text("id").ShouldBe(p.Steward.UserId.ToString());
        var stored = await app.ReadAsync(db => db.PersonalAccessTokens.AsNoTracking().SingleAsync(t => t.UserId == p.Steward.UserId));
        stored.Name.ShouldBe("reporting script");
        stored.TokenHash.ShouldBe(PersonalAccessToken.Hash(secret));
        secret.ShouldStartWith(stored.Hint);
        stored.Hint.Length.ShouldBeLessThan(10);
        (stored.ExpiresAt - stored.CreatedAt).ShouldBe(TimeSpan.FromDays(30));
    }

    [Fact]
    public async Task A_revoked_token_gets_401_problem()
    {
        var p = await app.APartnership().BuildAsync();
        var secret = await app.CreateTokenAsync(p.Steward.UserId);
        var tokenId = await TokenIdAsync(secret);
        var browser = await app.SignedInAsync(p.Steward);
        (await app.Api(secret).GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var revoked = await browser.SubmitFormAsync("/account/profile?handler=RevokeToken", new() { ["tokenId"] = tokenId.ToString() });

        revoked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.ReadAsync(db => db.PersonalAccessTokens.AsNoTracking().SingleAsync(t => t.Id == tokenId))).RevokedAt.ShouldNotBeNull();
        await (await app.Api(secret).GetAsync("/api/v1/me")).ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Nobody_can_revoke_another_persons_token()
    {
        var p = await app.APartnership().With(MemberRole.Steward).With(MemberRole.Viewer).BuildAsync();
        var secret = await app.CreateTokenAsync(p.First(MemberRole.Viewer).UserId);
        var tokenId = await TokenIdAsync(secret);
        var steward = await app.SignedInAsync(p.Steward);
        var before = await app.SnapshotAsync();

        var response = await steward.SubmitFormAsync("/account/profile?handler=RevokeToken", new() { ["tokenId"] = tokenId.ToString() });

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.SnapshotAsync()).ShouldBe(before);
        (await app.Api(secret).GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_expired_token_gets_401_problem()
    {
        var p = await app.APartnership().BuildAsync();
        var secret = await app.CreateTokenAsync(p.Steward.UserId, days: 1);
        (await app.Api(secret).GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var hash = PersonalAccessToken.Hash(secret);
        await app.ReadAsync(db => db.PersonalAccessTokens.Where(t => t.TokenHash == hash)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, TestClock.Start.AddMinutes(-1))));

        var response = await app.Api(secret).GetAsync("/api/v1/me");

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Guessing_a_persons_password_until_it_locks_does_not_stop_their_tokens()
    {
        var p = await app.APartnership().BuildAsync();
        var secret = await app.CreateTokenAsync(p.Steward.UserId);
        var guesser = app.Browser();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await guesser.SubmitFormAsync("/account/sign-in", "/account/sign-in", new() { ["Input.Email"] = p.Steward.Email, ["Input.Password"] = $"Wrong guess number {attempt}" });
        }
        (await app.ReadAsync(db => db.Users.SingleAsync(u => u.Id == p.Steward.UserId))).LockoutEnd.ShouldNotBeNull("the password is locked out");

        var response = await app.Api(secret).GetAsync("/api/v1/me");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_token_of_a_deactivated_person_gets_401_problem()
    {
        var p = await app.APartnership().BuildAsync();
        var secret = await app.CreateTokenAsync(p.Steward.UserId);
        (await app.WithCoreAsync(services => services.GetRequiredService<AccountActivation>().DeactivateAsync(p.Steward.UserId))).Succeeded.ShouldBeTrue();

        var response = await app.Api(secret).GetAsync("/api/v1/me");

        (await response.ReadProblemAsync(HttpStatusCode.Unauthorized)).Text("title").ShouldBe("Sign-in required");
    }

    [Fact]
    public async Task A_signed_in_browser_cookie_does_not_open_the_api()
    {
        var p = await app.APartnership().BuildAsync();
        var browser = await app.SignedInAsync(p.Steward);

        var response = await browser.GetAsync($"/api/v1/partnerships/{p.Id}");

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_cookie_sent_along_with_a_token_does_not_lend_its_partnerships()
    {
        var cookieOwner = await app.APartnership().BuildAsync();
        var tokenOwner = await app.APartnership().BuildAsync();
        var client = await app.SignedInAsync(cookieOwner.Steward);
        client.DefaultRequestHeaders.Authorization = new("Bearer", await app.CreateTokenAsync(tokenOwner.Steward.UserId));

        var list = await client.GetJsonAsync("/api/v1/partnerships");
        var other = await client.GetAsync($"/api/v1/partnerships/{cookieOwner.Id}");

        list.Texts("id").ShouldBe([tokenOwner.Id.ToString()]);
        await other.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    private Task<Guid> TokenIdAsync(string secret)
    {
        var hash = PersonalAccessToken.Hash(secret);
        return app.ReadAsync(db => db.PersonalAccessTokens.Where(t => t.TokenHash == hash).Select(t => t.Id).SingleAsync());
    }
}
