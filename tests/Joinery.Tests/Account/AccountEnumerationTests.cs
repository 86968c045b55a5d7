using System.Net;
using Joinery.Core.Accounts;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Joinery.Tests.Account;

/// <summary>The sign-in form does not tell a guesser which addresses have accounts: same answer, same work.</summary>
public sealed class AccountEnumerationTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    [Fact]
    public async Task An_unknown_address_a_locked_account_and_a_deactivated_one_get_the_answer_a_wrong_password_gets()
    {
        var p = await app.APartnership().With(MemberRole.Steward).With(MemberRole.Planner).With(MemberRole.Viewer).BuildAsync();
        var locked = p.First(MemberRole.Planner);
        var deactivated = p.First(MemberRole.Viewer);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await SignInAsync(app.Browser(), locked.Email, $"Wrong guess number {attempt}");
        }
        (await app.WithCoreAsync(services => services.GetRequiredService<AccountActivation>().DeactivateAsync(deactivated.UserId))).Succeeded.ShouldBeTrue();

        var answers = new List<(HttpStatusCode, List<FieldError>)>();
        foreach (var (email, password) in new[]
                 {
                     (p.Steward.Email, "Wrong password entirely"),
                     ("nobody-here@example.org", "Wrong password entirely"),
                     (locked.Email, locked.Password),
                     (deactivated.Email, deactivated.Password),
                 })
        {
            var response = await SignInAsync(app.Browser(), email, password);
            answers.Add((response.StatusCode, await response.ErrorSummaryAsync()));
        }

        answers.ShouldAllBe(a => a.Item1 == HttpStatusCode.OK);
        answers.Select(a => a.Item2.ShouldHaveSingleItem()).Distinct().ShouldHaveSingleItem()
            .ShouldBe(new FieldError("Input_Email", "The email address or password is not right."));
    }

    [Fact]
    public async Task Every_sign_in_attempt_checks_exactly_one_password_whatever_the_account()
    {
        var hasher = new CountingHasher();
        await using var counted = app.WithWebHostBuilder(b => b.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<User>>(hasher)));
        var p = await app.APartnership().With(MemberRole.Steward).With(MemberRole.Planner).With(MemberRole.Viewer).BuildAsync();
        var locked = p.First(MemberRole.Planner);
        var deactivated = p.First(MemberRole.Viewer);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await SignInAsync(JoineryApp.BrowserOf(counted), locked.Email, $"Wrong guess number {attempt}");
        }
        (await app.WithCoreAsync(services => services.GetRequiredService<AccountActivation>().DeactivateAsync(deactivated.UserId))).Succeeded.ShouldBeTrue();

        var checks = new Dictionary<string, int>();
        foreach (var (name, email, password) in new[]
                 {
                     ("right password", p.Steward.Email, p.Steward.Password),
                     ("wrong password", p.Steward.Email, "Wrong password entirely"),
                     ("unknown address", "nobody-here@example.org", "Wrong password entirely"),
                     ("locked account", locked.Email, locked.Password),
                     ("deactivated account", deactivated.Email, deactivated.Password),
                 })
        {
            var before = hasher.Verifications;
            await SignInAsync(JoineryApp.BrowserOf(counted), email, password);
            checks[name] = hasher.Verifications - before;
        }

        checks.ShouldAllBe(c => c.Value == 1);
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient browser, string email, string password) =>
        browser.SubmitFormAsync("/account/sign-in", "/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>The real hasher (at the suite's cheaper iteration count), counting how often a password is checked.</summary>
    private sealed class CountingHasher : IPasswordHasher<User>
    {
        private readonly PasswordHasher<User> _inner = new(Options.Create(new PasswordHasherOptions { IterationCount = 1_000 }));
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(User user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(User user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
