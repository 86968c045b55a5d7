using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Organizations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Joinery.Core.Accounts;

public sealed record UserInput(string? Email, string? Name, string? Organization, string? Password, bool IsSiteAdmin = false, string? JobTitle = null);

public sealed record UserView(Guid Id, string Email, string Name, Guid OrganizationId, string OrganizationName, bool IsSiteAdmin, bool MfaEnabled, bool LockedOut, bool Deactivated,
    string JobTitle = "");

/// <summary>Creates a person's account in their organization (site administrators, the CLI, invitations).</summary>
public sealed class CreateUser(JoineryDb db, UserManager<User> users)
{
    public async Task<Outcome<Guid>> RunAsync(UserInput input, CancellationToken cancellationToken = default)
    {
        var check = new Validation();
        var email = check.Email("email", input.Email);
        var name = check.Text("name", "the person's name", input.Name, User.NameMax);
        var jobTitle = check.Text("jobTitle", "the job title", input.JobTitle, User.JobTitleMax, required: false);
        var organization = await db.FindOrganizationAsync(input.Organization, cancellationToken);
        if (string.IsNullOrWhiteSpace(input.Organization))
        {
            check.Add("organization", "Choose the person's organization.");
        }
        else if (organization is null)
        {
            check.Add("organization", $"There is no organization '{input.Organization}'.");
        }
        if (string.IsNullOrEmpty(input.Password))
        {
            check.Add("password", "Enter a password.");
        }
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        return await CreateAsync(email, name, organization!.Id, input.Password!, input.IsSiteAdmin, jobTitle, cancellationToken);
    }

    /// <summary>Creates the account once the caller has validated name, email and organization.</summary>
    internal async Task<Outcome<Guid>> CreateAsync(string email, string name, Guid organizationId, string password, bool isSiteAdmin, string jobTitle,
        CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(email) is not null)
        {
            return Outcome<Guid>.Conflict("email", $"An account with the email {email} already exists.");
        }
        var user = new User
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name,
            JobTitle = jobTitle,
            OrganizationId = organizationId,
            IsSiteAdmin = isSiteAdmin,
            CreatedAt = db.Now,
        };
        var passwordProblems = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            passwordProblems.AddRange(result.Errors.Select(e => e.Description));
        }
        if (passwordProblems.Count > 0)
        {
            return Outcome<Guid>.Invalid(new Dictionary<string, string[]> { ["password"] = [.. passwordProblems.Distinct()] });
        }
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return Outcome<Guid>.Invalid("email", string.Join(" ", created.Errors.Select(e => e.Description)));
        }
        return Outcome<Guid>.Ok(user.Id);
    }
}

public sealed record FirstAdminInput(string? Email, string? Name, string? OrganizationName, string? OrganizationKind, string? Password);

/// <summary>On a fresh installation, creates the first site administrator and their organization. Refused once anyone exists.</summary>
public sealed class SetUpFirstAdministrator(JoineryDb db, CreateUser createUser)
{
    public async Task<bool> IsNeededAsync(CancellationToken cancellationToken = default) =>
        !await db.Users.AnyAsync(cancellationToken);

    public async Task<Outcome<Guid>> RunAsync(FirstAdminInput input, CancellationToken cancellationToken = default)
    {
        if (!await IsNeededAsync(cancellationToken))
        {
            return Outcome<Guid>.Forbidden("This site already has an administrator. Sign in instead.");
        }
        var check = new Validation();
        var email = check.Email("email", input.Email);
        var name = check.Text("name", "your name", input.Name, User.NameMax);
        var organizationName = check.Text("organizationName", "your organization's name", input.OrganizationName, Organization.NameMax);
        var kind = check.Choice<OrganizationKind>("organizationKind", "the kind of organization", input.OrganizationKind);
        var problem = string.IsNullOrEmpty(input.Password) ? "Enter a password." : null;
        if (problem is not null)
        {
            check.Add("password", problem);
        }
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Name == organizationName, cancellationToken);
        if (organization is null)
        {
            organization = new Organization { Name = organizationName, Kind = kind!.Value, CreatedAt = db.Now };
            db.Organizations.Add(organization);
            await db.SaveChangesAsync(cancellationToken);
        }
        var created = await createUser.CreateAsync(email, name, organization.Id, input.Password!, isSiteAdmin: true, jobTitle: "", cancellationToken);
        if (!created.Succeeded)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return created;
        }
        await transaction.CommitAsync(cancellationToken);
        return created;
    }
}

public sealed record NewToken(Guid Id, string Secret, DateTimeOffset ExpiresAt);

public sealed record TokenView(Guid Id, string Name, string Hint, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);

/// <summary>The outcome of presenting a token: its owner, or why it was refused (null: not a valid token).</summary>
public sealed record TokenCheck(User? User, string? Problem = null)
{
    public static readonly TokenCheck Invalid = new((User?)null);
}

/// <summary>
/// Personal access tokens for the API: created by their owner (or the CLI), stored as a hash, revocable, expiring.
/// A token is a credential of its own: locking the password out does not stop it; deactivating the
/// person does, and so does a site rule requiring two-step sign-in until the person has enrolled.
/// </summary>
public sealed class PersonalAccessTokens(JoineryDb db, SiteSettingsStore settings)
{
    public const int DefaultDays = 90;
    public const int MaxDays = 366;

    public const string EnrolFirst =
        "This site requires two-step sign-in. Set up an authenticator app on your profile page first; then you can create and use API tokens.";

    public async Task<Outcome<NewToken>> CreateAsync(Guid userId, string? name, int? days, CancellationToken cancellationToken = default)
    {
        var check = new Validation();
        var tokenName = check.Text("name", "a name for the token", name, PersonalAccessToken.NameMax);
        var lifetime = days ?? DefaultDays;
        if (lifetime is < 1 or > MaxDays)
        {
            check.Add("expires", $"A token lasts from 1 to {MaxDays} days.");
        }
        if (!check.IsValid)
        {
            return Outcome<NewToken>.Invalid(check.Errors);
        }
        var owner = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.TwoFactorEnabled, u.DeactivatedAt }).FirstOrDefaultAsync(cancellationToken);
        if (owner is null)
        {
            return Outcome<NewToken>.NotFound("No such person.");
        }
        if (owner.DeactivatedAt is not null)
        {
            return Outcome<NewToken>.Forbidden("This account is deactivated.");
        }
        if (!owner.TwoFactorEnabled && (await settings.GetAsync(cancellationToken)).RequireMfa)
        {
            return Outcome<NewToken>.Forbidden(EnrolFirst);
        }
        var secret = PersonalAccessToken.NewSecret();
        var now = db.Now;
        var token = new PersonalAccessToken
        {
            UserId = userId,
            Name = tokenName,
            TokenHash = PersonalAccessToken.Hash(secret),
            Hint = secret[..(PersonalAccessToken.Prefix.Length + 4)],
            CreatedAt = now,
            ExpiresAt = now.AddDays(lifetime),
        };
        db.PersonalAccessTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<NewToken>.Ok(new NewToken(token.Id, secret, token.ExpiresAt));
    }

    public async Task<Outcome<Guid>> RevokeAsync(Guid userId, Guid tokenId, CancellationToken cancellationToken = default)
    {
        var token = await db.PersonalAccessTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, cancellationToken);
        if (token is null)
        {
            return Outcome<Guid>.NotFound("No such token.");
        }
        token.RevokedAt ??= db.Now;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(token.Id);
    }

    public Task<List<TokenView>> ListAsync(Guid userId, CancellationToken cancellationToken = default) =>
        db.PersonalAccessTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAt)
            .Select(t => new TokenView(t.Id, t.Name, t.Hint, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The owner of an active token of an active person, or why the token is refused. A password
    /// lockout does not stop a token (otherwise anyone could keep an integration down by guessing).
    /// Notes the time of use at most once a minute.
    /// </summary>
    public async Task<TokenCheck> AuthenticateAsync(string secret, CancellationToken cancellationToken = default)
    {
        if (!secret.StartsWith(PersonalAccessToken.Prefix, StringComparison.Ordinal) || secret.Length > 100)
        {
            return TokenCheck.Invalid;
        }
        var hash = PersonalAccessToken.Hash(secret);
        var now = db.Now;
        var token = await db.PersonalAccessTokens.FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (token is null || !token.IsActive(now))
        {
            return TokenCheck.Invalid;
        }
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == token.UserId, cancellationToken);
        if (user is null || !user.IsActive)
        {
            return TokenCheck.Invalid;
        }
        if (!user.TwoFactorEnabled && (await settings.GetAsync(cancellationToken)).RequireMfa)
        {
            return new TokenCheck(null, EnrolFirst);
        }
        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            await db.PersonalAccessTokens.Where(t => t.Id == token.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), cancellationToken);
        }
        return new TokenCheck(user);
    }
}

/// <summary>Site-wide settings, changed by site administrators.</summary>
public sealed class SiteSettingsStore(JoineryDb db)
{
    // Read on every page (the MFA requirement): kept in memory, dropped when this process changes
    // it, and re-read after a minute in case another process did.
    private const string CacheKey = nameof(SiteSettingsStore);

    public async Task<SiteSettings> GetAsync(CancellationToken cancellationToken = default)
    {
        if (db.Cache.TryGetValue(CacheKey, out SiteSettings? cached) && cached is not null)
        {
            return cached;
        }
        var settings = await db.SiteSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? new SiteSettings();
        db.Cache.Set(CacheKey, settings, TimeSpan.FromMinutes(1));
        return settings;
    }

    public async Task SetRequireMfaAsync(bool required, CancellationToken cancellationToken = default)
    {
        var settings = await db.SiteSettings.FirstOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            settings = new SiteSettings();
            db.SiteSettings.Add(settings);
        }
        settings.RequireMfa = required;
        await db.SaveChangesAsync(cancellationToken);
        db.Cache.Remove(CacheKey);
    }
}

public static class UserQueries
{
    public static Task<List<UserView>> ListUsersAsync(this JoineryDb db, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        (from u in db.Users.AsNoTracking()
         join o in db.Organizations on u.OrganizationId equals o.Id
         orderby u.DisplayName
         select new UserView(u.Id, u.Email!, u.DisplayName, o.Id, o.Name, u.IsSiteAdmin, u.TwoFactorEnabled, u.LockoutEnd != null && u.LockoutEnd > now, u.DeactivatedAt != null,
             u.JobTitle))
        .ToListAsync(cancellationToken);
}
