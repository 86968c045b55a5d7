using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Accounts;

/// <summary>
/// "Forgot your password?": e-mails a one-time link to the account that uses the address. The
/// answer is the same whether or not there is such an account (no one learns which addresses
/// exist); a deactivated account gets nothing, and one account gets at most
/// <see cref="MaxPerHour"/> links an hour, so the form cannot be used to flood someone's mailbox.
/// </summary>
public sealed class ForgotPassword(JoineryDb db, UserManager<User> users, Mailer mailer, PublicUrl site)
{
    public const string Requested = "account.password-reset-requested";
    public const int MaxPerHour = 3;

    public const string NeedsMail =
        "Resetting a password needs e-mail, and this site does not send any. Ask a site administrator to set you a new password.";

    /// <summary>Without mail there is no way to prove who asks, so the page says whom to ask instead.</summary>
    public bool IsAvailable => mailer.IsConfigured;

    /// <summary>
    /// What can be answered at once, without looking anyone up: a well-formed address, and mail to
    /// send by. The rest (<see cref="RunAsync"/>) can then run after the answer, so its time tells nothing.
    /// </summary>
    public Outcome<string> Check(string? email)
    {
        var check = new Validation();
        var address = check.Email("email", email);
        if (!check.IsValid)
        {
            return Outcome<string>.Invalid(check.Errors);
        }
        return mailer.IsConfigured ? Outcome<string>.Ok(address) : Outcome<string>.Forbidden(NeedsMail);
    }

    /// <summary>Ok whether or not a link was sent (the value says, for tests and logs only, never for the visitor).</summary>
    public async Task<Outcome<bool>> RunAsync(string? email, CancellationToken cancellationToken = default)
    {
        var checkedAddress = Check(email);
        if (!checkedAddress.Succeeded)
        {
            return checkedAddress.Status == OutcomeStatus.Forbidden ? Outcome<bool>.Forbidden(NeedsMail) : Outcome<bool>.Invalid(checkedAddress.Errors);
        }
        var address = checkedAddress.Value!;
        var user = await users.FindByEmailAsync(address);
        if (user is null || !user.IsActive || string.IsNullOrEmpty(user.Email))
        {
            return Outcome<bool>.Ok(false);
        }
        var since = db.Now.AddHours(-1);
        var id = user.Id.ToString();
        if (await db.AuditEntries.CountAsync(a => a.Action == Requested && a.EntityId == id && a.At > since, cancellationToken) >= MaxPerHour)
        {
            return Outcome<bool>.Ok(false);
        }
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = site.Link($"/account/reset-password?user={user.Id}&token={Uri.EscapeDataString(token)}");
        // The greeting is the only thing about the person: no address, no organization, no password.
        var message = mailer.Compose(user.Email, "Reset your Joinery password",
            $"Hello {user.DisplayName},\n\n"
            + "Someone, probably you, asked to reset the password of your Joinery account. Open this link to choose a new one:\n"
            + $"{link}\n\n"
            + "The link works once, within an hour. Choosing a new password signs you out everywhere else.\n"
            + "If you did not ask, ignore this e-mail: your password stays as it is.\n");
        if (!await mailer.SendAsync(message, cancellationToken))
        {
            return Outcome<bool>.Ok(false);
        }
        db.Audit(Requested, "user", id, userId: user.Id, organizationId: user.OrganizationId);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<bool>.Ok(true);
    }
}

public sealed record PasswordResetInput(Guid? UserId, string? Token, string? NewPassword);

/// <summary>
/// The link from <see cref="ForgotPassword"/> sets a new password. Identity's token carries the
/// account's security stamp, which the new password renews: the link works once, and every session
/// the person had ends. A lockout ends too, since whoever holds the link has proved they own the mailbox.
/// </summary>
public sealed class ResetPassword(JoineryDb db, UserManager<User> users)
{
    public const string BadLink =
        "This link does not work: it may have been used already, be more than an hour old, or be incomplete. Ask for a new one.";

    /// <summary>Whether the link still works, so the page can say so before anyone types a password.</summary>
    public async Task<bool> IsValidAsync(Guid? userId, string? token, CancellationToken cancellationToken = default)
    {
        var user = await FindAsync(userId, token, cancellationToken);
        return user is not null && await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider,
            UserManager<User>.ResetPasswordTokenPurpose, token!);
    }

    public async Task<Outcome<Guid>> RunAsync(PasswordResetInput input, CancellationToken cancellationToken = default)
    {
        var user = await FindAsync(input.UserId, input.Token, cancellationToken);
        if (user is null)
        {
            return Outcome<Guid>.Invalid("token", BadLink);
        }
        if (string.IsNullOrEmpty(input.NewPassword))
        {
            return Outcome<Guid>.Invalid("newPassword", "Enter a new password.");
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
        // One commit: the new password, the renewed stamp and the audit entry together.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var reset = await users.ResetPasswordAsync(user, input.Token!, input.NewPassword);
        if (!reset.Succeeded)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return Outcome<Guid>.Invalid("token", BadLink);
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        db.Audit("account.password-reset", "user", user.Id.ToString(), userId: user.Id, organizationId: user.OrganizationId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<Guid>.Ok(user.Id);
    }

    private async Task<User?> FindAsync(Guid? userId, string? token, CancellationToken cancellationToken) =>
        userId is { } id && !string.IsNullOrEmpty(token) && token.Length <= 2000
            ? await db.Users.FirstOrDefaultAsync(u => u.Id == id && u.DeactivatedAt == null, cancellationToken)
            : null;
}
