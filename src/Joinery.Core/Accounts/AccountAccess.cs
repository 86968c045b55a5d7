using Joinery.Core.Common;
using Joinery.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Accounts;

/// <summary>Identity asks this before any sign-in: a deactivated account cannot sign in at all.</summary>
public sealed class ActiveAccountsOnly : IUserConfirmation<User>
{
    public Task<bool> IsConfirmedAsync(UserManager<User> manager, User user) => Task.FromResult(user.IsActive);
}

/// <summary>
/// A password check that costs what a real one costs, for attempts on an unknown, locked or
/// deactivated account, so the time of the answer does not tell which accounts exist.
/// </summary>
public sealed class DecoyPassword
{
    private static readonly User Nobody = new() { DisplayName = "", OrganizationId = Guid.Empty };
    private string? _hash;

    public void Check(IPasswordHasher<User> hasher, string password)
    {
        _hash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
        hasher.VerifyHashedPassword(Nobody, _hash, password);
    }
}

public sealed record PasswordChange(string? CurrentPassword, string? NewPassword);

/// <summary>A person changes their own password; every session they had ends (the caller signs this one in again).</summary>
public sealed class ChangePassword(JoineryDb db, UserManager<User> users)
{
    public async Task<Outcome<Guid>> RunAsync(Guid userId, PasswordChange input, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(input.CurrentPassword))
        {
            return Outcome<Guid>.Invalid("currentPassword", "Enter your current password.");
        }
        if (string.IsNullOrEmpty(input.NewPassword))
        {
            return Outcome<Guid>.Invalid("newPassword", "Enter a new password.");
        }
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return Outcome<Guid>.NotFound("No such person.");
        }
        var problems = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            problems.AddRange((await validator.ValidateAsync(users, user, input.NewPassword)).Errors.Select(e => e.Description));
        }
        if (problems.Count > 0)
        {
            return Outcome<Guid>.Invalid(new Dictionary<string, string[]> { ["newPassword"] = [.. problems.Distinct()] });
        }
        // Identity's ChangePasswordAsync also renews the security stamp, which ends every other session.
        var changed = await users.ChangePasswordAsync(user, input.CurrentPassword, input.NewPassword);
        if (!changed.Succeeded)
        {
            return Outcome<Guid>.Invalid("currentPassword", "Your current password is not right.");
        }
        return Outcome<Guid>.Ok(user.Id);
    }
}

/// <summary>
/// Site administrators (and the CLI) deactivate an account when someone leaves: from the next
/// request on, their sessions end, their tokens are refused and they cannot sign in. Memberships
/// stay, so the partnerships' history keeps its names; reactivating restores access.
/// </summary>
public sealed class AccountActivation(JoineryDb db)
{
    public async Task<Outcome<Guid>> DeactivateAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return Outcome<Guid>.NotFound("No such person.");
        }
        if (user.Id == db.Tenancy.UserId)
        {
            return Outcome<Guid>.Forbidden("You cannot deactivate your own account.");
        }
        if (user.IsSiteAdmin && user.IsActive
            && !await db.Users.AnyAsync(u => u.Id != userId && u.IsSiteAdmin && u.DeactivatedAt == null, cancellationToken))
        {
            return Outcome<Guid>.Conflict("user", "This is the last active site administrator; make someone else one first.");
        }
        user.Deactivate(db.Now);
        db.Audit("account.deactivated", "user", user.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(user.Id);
    }

    public async Task<Outcome<Guid>> ReactivateAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return Outcome<Guid>.NotFound("No such person.");
        }
        user.Reactivate();
        db.Audit("account.reactivated", "user", user.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(user.Id);
    }
}
