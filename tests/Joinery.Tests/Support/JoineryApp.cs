using System.Net;
using System.Net.Http.Headers;
using Joinery.Core.Accounts;
using Joinery.Core.Audit;
using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Joinery.Tests.Support;

/// <summary>
/// The real web host, on a fake clock at the test day (<see cref="TestClock"/>), over a fresh database (SQLite by default, PostgreSQL when
/// JOINERY_TEST_DATABASE=postgres), migrated already where that saves time (<see cref="TestDatabase.Migrated"/>).
/// One per test class through <c>IClassFixture</c>; tests in a class share the database, so each
/// test seeds its own partnership with <see cref="APartnership"/>.
/// </summary>
public sealed class JoineryApp : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database;
    private int _sequence;

    public JoineryApp() : this(TestDatabase.Selected)
    {
    }

    /// <summary>A host on the given provider whatever is selected, for tests about one database (SQLite's journal).</summary>
    internal JoineryApp(DatabaseProvider provider) => _database = TestDatabase.Migrated(provider);

    /// <summary>A host with settings of its own on top of the test defaults (a mail relay, say).</summary>
    internal JoineryApp(IReadOnlyDictionary<string, string> settings) : this(TestDatabase.Selected) => _settings = settings;

    private readonly IReadOnlyDictionary<string, string> _settings = new Dictionary<string, string>();

    public DatabaseProvider Provider => _database.Provider;

    /// <summary>The app's time: <see cref="TestClock.Start"/> until a test moves it (or opens a host <see cref="OnClock"/>).</summary>
    public FakeTimeProvider Clock { get; } = TestClock.New();

    /// <summary>The app's today, as the API and forms write a date relative to it.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting lands before Program reads configuration, and wins over appsettings.json.
        foreach (var (key, value) in _database.Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.UseSetting("RateLimits:SignInPerMinute", "100000");
        builder.UseSetting("RateLimits:SignInPerAddressPerMinute", "100000");
        builder.UseSetting("RateLimits:ApiPerMinute", "100000");
        builder.UseSetting("RateLimits:ApiUnauthenticatedPerMinute", "100000");
        builder.UseSetting("Site:PublicUrl", "http://localhost");
        builder.UseSetting("Smtp:Host", "");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        // As deployed: Development would, for one, throw on malformed API query values instead of answering 400.
        builder.UseEnvironment("Production");
        // Hashing stays real but cheaper: the suite creates and signs in hundreds of people on a
        // two-core machine, and no test is about the cost of a guess.
        builder.ConfigureTestServices(services =>
        {
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>Starts the host and checks it really points at the test database, never at ./data.</summary>
    public void EnsureStarted()
    {
        var options = Services.GetRequiredService<DatabaseOptions>();
        if (options != _database.Options)
        {
            throw new InvalidOperationException($"The app uses {options.Describe()}, not the test database.");
        }
    }

    /// <summary>A short unique suffix for names and emails within this test class's database.</summary>
    public string Unique() => Interlocked.Increment(ref _sequence).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public PartnershipBuilder APartnership() => new(this);

    private readonly Dictionary<string, Task<object>> _arranged = [];

    /// <summary>
    /// Arranges once per test class: a later call with the same key gets the first call's result.
    /// Only for arrangements that the tests using them read and never change (the walks).
    /// </summary>
    public async Task<T> ArrangedOnceAsync<T>(string key, Func<Task<T>> arrange) where T : notnull
    {
        Task<object>? arranged;
        lock (_arranged)
        {
            if (!_arranged.TryGetValue(key, out arranged))
            {
                arranged = _arranged[key] = Box(arrange);
            }
        }
        return (T)await arranged;

        static async Task<object> Box(Func<Task<T>> arrange) => await arrange();
    }

    /// <summary>Runs arrange or assert code with the Core services, acting across partnerships like the CLI.</summary>
    public async Task<T> WithCoreAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        EnsureStarted();
        await using var scope = Services.CreateAsyncScope();
        var tenancy = scope.ServiceProvider.GetRequiredService<Tenancy>();
        tenancy.ActAcrossPartnerships();
        tenancy.Door = Door.Cli;
        return await work(scope.ServiceProvider);
    }

    public Task WithCoreAsync(Func<IServiceProvider, Task> work) =>
        WithCoreAsync(async services =>
        {
            await work(services);
            return true;
        });

    /// <summary>Runs arrange code with the Core services as this person, for operations that need someone to act (invitations).</summary>
    public async Task<T> ActingAsAsync<T>(Person person, Func<IServiceProvider, Task<T>> work)
    {
        EnsureStarted();
        await using var scope = Services.CreateAsyncScope();
        var partnerships = await scope.ServiceProvider.GetRequiredService<JoineryDb>().Memberships.IgnoreQueryFilters()
            .Where(m => m.UserId == person.UserId).Select(m => m.PartnershipId).ToListAsync();
        var tenancy = scope.ServiceProvider.GetRequiredService<Tenancy>();
        tenancy.SignIn(person.UserId, person.OrganizationId, isSiteAdmin: false, partnerships);
        tenancy.Door = Door.Cli;
        return await work(scope.ServiceProvider);
    }

    /// <summary>Reads what is stored, past the tenancy filter.</summary>
    public Task<T> ReadAsync<T>(Func<JoineryDb, Task<T>> query) =>
        WithCoreAsync(services => query(services.GetRequiredService<JoineryDb>()));

    public Task<string> CreateTokenAsync(Guid userId, int days = 30) =>
        WithCoreAsync(async services =>
        {
            var outcome = await services.GetRequiredService<PersonalAccessTokens>().CreateAsync(userId, $"tests {Unique()}", days);
            outcome.Succeeded.ShouldBeTrue(outcome.FirstError);
            return outcome.Value!.Secret;
        });

    /// <summary>An HTTP client that keeps cookies and does not follow redirects, so tests see every 302.</summary>
    public HttpClient Browser()
    {
        EnsureStarted();
        return CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
    }

    /// <summary>Waits until the work pages handed off to run after their answer (<see cref="AfterTheAnswer"/>) is done, on this host or another over this database.</summary>
    public async Task AfterTheAnswersAsync(WebApplicationFactory<Program>? host = null)
    {
        var after = (host ?? this).Services.GetRequiredService<AfterTheAnswer>();
        for (var waited = 0; after.Pending > 0; waited += 10)
        {
            if (waited > 10_000)
            {
                throw new TimeoutException($"{after.Pending} item(s) handed off after an answer were still not done after ten seconds.");
            }
            await Task.Delay(10);
        }
    }

    /// <summary>A browser (cookies kept, redirects not followed) for another host over this database, such as <see cref="OnClock"/>'s.</summary>
    public static HttpClient BrowserOf(WebApplicationFactory<Program> host) =>
        host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A second host over the same database whose time is <paramref name="clock"/>: lifetimes and expiry a test moves past.</summary>
    public WebApplicationFactory<Program> OnClock(TimeProvider clock) =>
        WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton(clock)));

    /// <summary>A browser signed in through the real sign-in form.</summary>
    public async Task<HttpClient> SignedInAsync(string email, string password)
    {
        var browser = Browser();
        var response = await browser.SubmitFormAsync("/account/sign-in", "/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"signing in as {email} should redirect");
        response.Headers.Location!.OriginalString.ShouldBe("/");
        return browser;
    }

    public Task<HttpClient> SignedInAsync(Person person) => SignedInAsync(person.Email, person.Password);

    /// <summary>An API client sending the token as a bearer token.</summary>
    public HttpClient Api(string? token)
    {
        var client = Browser();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    public async Task<HttpClient> ApiAsync(Person person) => Api(await CreateTokenAsync(person.UserId));

    /// <summary>
    /// Everything that a stray write would change: the row count of every table in the model, the
    /// content of every table the audit trail does not cover, the audit chain's end, and the state of
    /// members, invitations and phases. Tables are read from the EF model, so a new one is covered.
    /// </summary>
    public Task<string> SnapshotAsync() =>
        ReadAsync(async db =>
        {
            var head = await db.AuditHeads.AsNoTracking().SingleAsync();
            var memberships = await db.Memberships.AsNoTracking().OrderBy(m => m.Id)
                .Select(m => $"{m.Id}:{m.Role}:{m.Level}:{m.IsChampion}:{m.ChampionFor}").ToListAsync();
            var invitations = await db.Invitations.AsNoTracking().OrderBy(i => i.Id)
                .Select(i => $"{i.Id}:{i.AcceptedAt}:{i.RevokedAt}").ToListAsync();
            var partnerships = await db.Partnerships.AsNoTracking().OrderBy(p => p.Id)
                .Select(p => $"{p.Id}:{p.Name}:{p.Phase}").ToListAsync();
            var organizations = await db.Organizations.AsNoTracking().OrderBy(o => o.Id)
                .Select(o => $"{o.Id}:{o.Name}:{o.Kind}:{o.Mission.Length}:{o.Vision.Length}").ToListAsync();
            return string.Join('\n', [
                $"audit {head.LastId} {await db.AuditEntries.CountAsync()}",
                $"tokens {await db.PersonalAccessTokens.CountAsync(t => t.RevokedAt == null)}/{await db.PersonalAccessTokens.CountAsync()}",
                "memberships " + string.Join(' ', memberships),
                "invitations " + string.Join(' ', invitations),
                "partnerships " + string.Join(' ', partnerships),
                "organizations " + string.Join(' ', organizations),
                .. await TablesAsync(db),
            ]);
        });

    /// <summary>
    /// One line per table of the model: its row count, and for a table whose rows are never audited
    /// (pulse answers, meeting attendance, glossary revisions…) a digest of its content, so an update
    /// shows too. The audit tables are left to the audit line above.
    /// </summary>
    private static async Task<List<string>> TablesAsync(JoineryDb db)
    {
        var tables = db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null)
            .GroupBy(e => e.GetTableName()!)
            .Select(g => (Name: g.Key, Unaudited: g.All(e => !typeof(IAudited).IsAssignableFrom(e.ClrType)
                && e.ClrType != typeof(AuditEntry) && e.ClrType != typeof(AuditHead))))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            var counts = new Dictionary<string, long>();
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = string.Join(" UNION ALL ", tables.Select(t => $"SELECT '{t.Name}', COUNT(*) FROM {t.Name}"));
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    counts[reader.GetString(0)] = Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
                }
            }
            var lines = new List<string>();
            foreach (var (name, unaudited) in tables)
            {
                lines.Add(unaudited ? $"{name} {counts[name]} {await DigestAsync(connection, name)}" : $"{name} {counts[name]}");
            }
            return lines;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<string> DigestAsync(System.Data.Common.DbConnection connection, string table)
    {
        var rows = new List<string>();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table}";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join('\u001f', Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i) switch
            {
                byte[] bytes => Convert.ToHexString(bytes),
                IFormattable value => value.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                var value => value.ToString(),
            })));
        }
        rows.Sort(StringComparer.Ordinal);
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\u001e', rows))))[..16];
    }

    /// <summary>The id of the last audit entry; entries written later have larger ids.</summary>
    public Task<long> AuditCheckpointAsync() =>
        ReadAsync(async db => (await db.AuditHeads.AsNoTracking().SingleAsync()).LastId);

    public Task<List<AuditEntry>> AuditSinceAsync(long checkpoint) =>
        ReadAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Id > checkpoint).OrderBy(a => a.Id).ToListAsync());

    /// <summary>Fails when any audit entry was altered, removed or inserted out of order.</summary>
    public async Task AuditChainShouldBeIntactAsync()
    {
        var verification = await WithCoreAsync(services => services.GetRequiredService<AuditTrail>().VerifyAsync());
        verification.Intact.ShouldBeTrue(verification.Message);
        verification.Checked.ShouldBeGreaterThan(0);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _database.Dispose();
        }
    }
}
