using System.Security.Cryptography;
using System.Text;
using Joinery.Core.Audit;

namespace Joinery.Core.Accounts;

/// <summary>A bearer token for the JSON API. Only its SHA-256 hash is stored; the token itself is shown once.</summary>
public sealed class PersonalAccessToken : IAudited
{
    public const string Prefix = "jny_";
    public const int NameMax = 100;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid UserId { get; init; }
    public required string Name { get; init; }
    public required string TokenHash { get; init; }

    /// <summary>The first characters of the token, so a person can tell their tokens apart.</summary>
    public required string Hint { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;

    /// <summary>A fresh random secret with the recognisable prefix.</summary>
    public static string NewSecret() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .Replace('+', '-').Replace('/', '_').TrimEnd('=');

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
