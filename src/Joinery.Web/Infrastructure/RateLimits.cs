using System.ComponentModel.DataAnnotations;
using System.Diagnostics.Metrics;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Joinery.Core.Common;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Joinery.Web.Infrastructure;

/// <summary>
/// Budgets against guessing and floods. The API budget belongs to the authenticated person (all
/// their tokens share it, however the header is spelled); requests that fail to authenticate share
/// a small budget per client address. Sign-in pages have a generous budget per address (a hospital's
/// NAT puts many people behind one) and <see cref="SignInAttempts"/> a tight one per address and account.
/// Budgets are kept in this process's memory: with several instances, each holds its own.
/// </summary>
internal static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Api = "api";

    public static IServiceCollection AddJoineryRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<RateLimitOptions>(configuration, RateLimitOptions.Section);
        services.AddSingleton(provider => new SignInAttempts(provider.GetRequiredService<IOptions<RateLimitOptions>>().Value.SignInPerMinute));
        services.AddSingleton<AuthenticationCounters>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((options, limits) =>
        {
            var (apiPerMinute, failedPerMinute, signInPagesPerMinute) =
                (limits.Value.ApiPerMinute, limits.Value.ApiUnauthenticatedPerMinute, limits.Value.SignInPerAddressPerMinute);
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return context.HttpContext.Request.Path.StartsWithSegments("/api")
                    ? new ValueTask(Problems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
                        "This client has used its budget of requests for the minute; wait a minute and try again."))
                    : ValueTask.CompletedTask;
            };
            options.AddPolicy(SignIn, context => PerMinute($"address:{ClientAddress(context)}", signInPagesPerMinute));
            options.AddPolicy(Api, context => context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } person
                ? PerMinute($"person:{person}", apiPerMinute)
                : PerMinute($"unauthenticated:{ClientAddress(context)}", failedPerMinute));
        });
        return services;
    }

    /// <summary>The client's address as the forwarded-headers middleware left it (the proxy's client, when the proxy is trusted).</summary>
    public static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1) });
}

/// <summary>Section <c>RateLimits</c>: the budgets per minute.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    [Range(1, 1_000_000, ErrorMessage = "RateLimits:ApiPerMinute must be a whole number from 1 to 1000000.")]
    public int ApiPerMinute { get; set; } = 600;

    [Range(1, 1_000_000, ErrorMessage = "RateLimits:ApiUnauthenticatedPerMinute must be a whole number from 1 to 1000000.")]
    public int ApiUnauthenticatedPerMinute { get; set; } = 60;

    [Range(1, 1_000_000, ErrorMessage = "RateLimits:SignInPerMinute must be a whole number from 1 to 1000000.")]
    public int SignInPerMinute { get; set; } = 20;

    [Range(1, 1_000_000, ErrorMessage = "RateLimits:SignInPerAddressPerMinute must be a whole number from 1 to 1000000.")]
    public int SignInPerAddressPerMinute { get; set; } = 300;
}

/// <summary>Password and code attempts, per client address and account: a NAT does not lock out everyone, and one account's guesser is slowed wherever they are.</summary>
public sealed class SignInAttempts(int perMinute) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) }));

    public const string TooMany = "Too many sign-in attempts for this account from here. Wait a minute and try again.";

    public bool TryAttempt(HttpContext context, string account)
    {
        using var lease = _limiter.AttemptAcquire($"{RateLimits.ClientAddress(context)}|{account.Trim().ToLowerInvariant()}");
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}

/// <summary>Failed API authentications are counted (metric <c>joinery.api.authentication.failures</c>), not logged one line each: a flood must not fill the disk.</summary>
internal sealed class AuthenticationCounters
{
    public const string MeterName = "Joinery.Web";

    private readonly Counter<long> _failures;

    public AuthenticationCounters(IMeterFactory meters) =>
        _failures = meters.Create(MeterName).CreateCounter<long>("joinery.api.authentication.failures", description: "API requests with a token that was not accepted");

    public void Failed() => _failures.Add(1);
}
