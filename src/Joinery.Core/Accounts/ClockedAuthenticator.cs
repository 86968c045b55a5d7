using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Joinery.Core.Accounts;

/// <summary>
/// Identity's authenticator-app check (RFC 6238: HMAC-SHA1, 30-second steps, six digits, two steps
/// of drift either way), on the app's <see cref="TimeProvider"/> instead of the machine's clock,
/// which Identity's own provider reads. With one source of time, a fixed <c>Clock:Today</c> and the
/// tests' fake clock verify codes made for the time the app says it is.
/// </summary>
public sealed class ClockedAuthenticator(TimeProvider clock) : AuthenticatorTokenProvider<User>
{
    private const int StepSeconds = 30;
    private const int AllowedDriftSteps = 2;

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<User> manager, User user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token.Length != 6
            || !int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return false;
        }
        var keyBytes = FromBase32(key);
        var step = clock.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;
        var matched = false;
        for (var drift = -AllowedDriftSteps; drift <= AllowedDriftSteps; drift++)
        {
            // Every step is computed, so the time taken does not tell which one matched.
            matched |= Code(keyBytes, step + drift) == code;
        }
        return matched;
    }

    private static int Code(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 and every authenticator app use HMAC-SHA1; this is not a choice made here.
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        return (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7FFFFFFF) % 1_000_000;
    }

    /// <summary>RFC 4648 base32 as Identity writes authenticator keys (upper case, no padding).</summary>
    private static byte[] FromBase32(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant())
        {
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                continue;
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}
