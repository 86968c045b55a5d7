using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using Joinery.Core.Accounts;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Joinery.Tests.Platform;

/// <summary>Budgets hold however a client spells its requests, and they fall on the right shoulders: a person, an address, an account.</summary>
public sealed class RateLimitTests(JoineryApp app) : IClassFixture<JoineryApp>
{
    [Fact]
    public async Task All_tokens_of_one_person_share_one_api_budget()
    {
        var p = await app.APartnership().BuildAsync();
        await using var strict = app.WithPeers(("RateLimits:ApiPerMinute", "2"));
        var first = Api(strict, await app.CreateTokenAsync(p.Steward.UserId));
        var second = Api(strict, await app.CreateTokenAsync(p.Steward.UserId));

        var statuses = new[]
        {
            (await first.GetAsync("/api/v1/me")).StatusCode,
            (await second.GetAsync("/api/v1/me")).StatusCode,
            (await first.GetAsync("/api/v1/me")).StatusCode,
            (await second.GetAsync("/api/v1/me")).StatusCode,
        };

        statuses.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests]);
    }

    [Fact]
    public async Task Respelling_the_authorization_header_does_not_buy_a_fresh_budget()
    {
        var p = await app.APartnership().BuildAsync();
        var secret = await app.CreateTokenAsync(p.Steward.UserId);
        await using var strict = app.WithPeers(("RateLimits:ApiPerMinute", "3"));
        var client = strict.Client("192.0.2.10");

        var statuses = new List<HttpStatusCode>();
        foreach (var spelling in new[] { $"Bearer {secret}", $"bearer {secret}", $"BEARER   {secret}", $"bEaReR {secret} " })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
            request.Headers.TryAddWithoutValidation("Authorization", spelling);
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }

        statuses.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
    }

    [Fact]
    public async Task Failed_authentications_are_limited_per_client_address_and_spare_valid_tokens()
    {
        var p = await app.APartnership().BuildAsync();
        var secret = await app.CreateTokenAsync(p.Steward.UserId);
        await using var strict = app.WithPeers(("RateLimits:ApiUnauthenticatedPerMinute", "3"));
        var attacker = strict.Client("198.51.100.7");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", $"jny_bogus{i}");
            statuses.Add((await attacker.SendAsync(request)).StatusCode);
        }
        var neighbour = strict.Client("198.51.100.8");
        neighbour.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "jny_bogus");
        var sameAddressValidToken = strict.Client("198.51.100.7");
        sameAddressValidToken.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);

        statuses.ShouldBe([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests]);
        (await neighbour.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "another address has its own budget");
        (await sameAddressValidToken.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK, "an authenticated person spends their own budget");
    }

    [Fact]
    public async Task Bogus_tokens_are_counted_not_written_to_the_log_one_line_each()
    {
        var log = new CapturedLog();
        await using var host = app.WithWebHostBuilder(b => b.ConfigureLogging(logging => logging.AddProvider(log)));
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "jny_bogus-token-for-the-flood");
        (await client.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var failures = new CountedFailures(host.Services.GetRequiredService<IMeterFactory>());
        log.Clear();

        for (var i = 0; i < 25; i++)
        {
            (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        log.Lines.ShouldBeEmpty();
        failures.Count.ShouldBe(25);
    }

    [Fact]
    public async Task One_hammered_account_does_not_shut_everyone_behind_the_same_address_out()
    {
        var p = await app.APartnership().With(MemberRole.Steward).With(MemberRole.Planner).BuildAsync();
        await using var strict = app.WithPeers(("RateLimits:SignInPerMinute", "3"));
        var guesser = strict.Client("203.0.113.5");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await SignInAsync(guesser, p.Steward.Email, $"Wrong guess number {i}")).StatusCode);
        }
        var colleague = await SignInAsync(strict.Client("203.0.113.5"), p.First(MemberRole.Planner).Email, p.First(MemberRole.Planner).Password);
        var refused = await SignInAsync(guesser, p.Steward.Email, "Wrong guess again");

        statuses.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
        (await refused.ErrorSummaryAsync()).ShouldHaveSingleItem().Message.ShouldStartWith("Too many sign-in attempts");
        colleague.StatusCode.ShouldBe(HttpStatusCode.Redirect, "a colleague behind the same NAT signs in");
        colleague.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [Fact]
    public async Task Sign_in_pages_have_a_budget_per_client_address()
    {
        await using var strict = app.WithPeers(("RateLimits:SignInPerAddressPerMinute", "3"));
        var flooder = strict.Client("203.0.113.9");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await flooder.GetAsync("/account/sign-in")).StatusCode);
        }

        statuses.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
        (await strict.Client("203.0.113.10").GetAsync("/account/sign-in")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Five_wrong_two_step_codes_lock_the_account_even_against_the_right_code()
    {
        var p = await app.APartnership().BuildAsync();
        var key = await app.WithCoreAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<User>>();
            var user = (await users.FindByIdAsync(p.Steward.UserId.ToString()))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            return (await users.GetAuthenticatorKeyAsync(user))!;
        });
        var browser = app.Browser();
        (await SignInAsync(browser, p.Steward.Email, p.Steward.Password)).Headers.Location!.OriginalString.ShouldStartWith("/account/two-factor");
        var right = Totp.Code(key, app.Clock);
        var wrongCodes = Enumerable.Range(1, 5).Select(i => ((int.Parse(right, System.Globalization.CultureInfo.InvariantCulture) + i * 111_111) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).ToList();

        foreach (var wrong in wrongCodes)
        {
            var answer = await browser.SubmitFormAsync("/account/two-factor", "/account/two-factor", new() { ["Code"] = wrong });
            answer.StatusCode.ShouldBe(HttpStatusCode.OK, $"the well-formed wrong code {wrong} is refused");
        }
        var withRightCode = await browser.SubmitFormAsync("/account/two-factor", "/account/two-factor", new() { ["Code"] = Totp.Code(key, app.Clock) });

        withRightCode.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await withRightCode.ErrorSummaryAsync()).ShouldHaveSingleItem().Message.ShouldContain("locked");
        (await browser.GetAsync($"/partnerships/{p.Id}")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.ReadAsync(db => db.Users.SingleAsync(u => u.Id == p.Steward.UserId))).LockoutEnd.ShouldNotBeNull();
    }

    private static HttpClient Api(WebApplicationFactory<Program> host, string secret)
    {
        var client = host.Client("192.0.2.20");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient browser, string email, string password) =>
        browser.SubmitFormAsync("/account/sign-in", "/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>Every log line the app writes at Information or above (the app's own filters apply).</summary>
    private sealed class CapturedLog : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyCollection<string> Lines => _lines.ToArray();

        public void Clear() => _lines.Clear();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}");
                }
            }
        }
    }

    /// <summary>Listens to this host's failed-authentication counter only (other hosts in the process have their own meter factory).</summary>
    private sealed class CountedFailures : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _count;

        public CountedFailures(IMeterFactory meters)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == meters && instrument.Name == "joinery.api.authentication.failures")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _count, value));
            _listener.Start();
        }

        public long Count => Interlocked.Read(ref _count);

        public void Dispose() => _listener.Dispose();
    }
}
