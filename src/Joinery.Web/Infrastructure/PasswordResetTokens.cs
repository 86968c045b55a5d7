using Joinery.Core.Accounts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Joinery.Web.Infrastructure;

/// <summary>The password-reset link's lifetime: an hour, not Identity's default of a day.</summary>
public sealed class PasswordResetTokenOptions : DataProtectionTokenProviderOptions
{
    public const string ProviderName = "PasswordReset";

    public PasswordResetTokenOptions()
    {
        Name = ProviderName;
        TokenLifespan = TimeSpan.FromHours(1);
    }
}

/// <summary>
/// Identity's data-protected token for password resets (it carries the user id, the purpose and the
/// security stamp, so a reset, which renews the stamp, spends it), timed on the app's
/// <see cref="TimeProvider"/> like sign-in lockouts and authenticator codes, instead of the machine's
/// clock that Identity's own provider reads.
/// </summary>
public sealed class PasswordResetTokens(IDataProtectionProvider protection, IOptions<PasswordResetTokenOptions> options,
    ILogger<DataProtectorTokenProvider<User>> logger, TimeProvider clock)
    : DataProtectorTokenProvider<User>(protection, options, logger)
{
    public override async Task<string> GenerateAsync(string purpose, UserManager<User> manager, User user)
    {
        using var data = new MemoryStream();
        await using (var writer = new BinaryWriter(data, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(clock.GetUtcNow().UtcTicks);
            writer.Write(await manager.GetUserIdAsync(user));
            writer.Write(purpose);
            writer.Write(await manager.GetSecurityStampAsync(user) ?? "");
        }
        return Convert.ToBase64String(Protector.Protect(data.ToArray()));
    }

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<User> manager, User user)
    {
        try
        {
            using var data = new MemoryStream(Protector.Unprotect(Convert.FromBase64String(token)));
            using var reader = new BinaryReader(data, System.Text.Encoding.UTF8);
            var created = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            var userId = reader.ReadString();
            var tokenPurpose = reader.ReadString();
            var stamp = reader.ReadString();
            return data.Position == data.Length
                && created + Options.TokenLifespan >= clock.GetUtcNow()
                && userId == await manager.GetUserIdAsync(user)
                && tokenPurpose == purpose
                && stamp == (await manager.GetSecurityStampAsync(user) ?? "");
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException or EndOfStreamException or IOException)
        {
            return false;
        }
    }
}
