using Joinery.Core.Common;
using Joinery.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Accounts;

/// <summary>
/// A person sets their own job title on their profile; a site administrator (or the CLI) sets anyone's.
/// Too long is refused, never cut; empty is allowed. The change is audited like any change to an account.
/// </summary>
public sealed class ChangeJobTitle(JoineryDb db)
{
    public async Task<Outcome<Guid>> RunAsync(Guid userId, string? jobTitle, CancellationToken cancellationToken = default)
    {
        var check = new Validation();
        var title = check.Text("jobTitle", "the job title", jobTitle, User.JobTitleMax, required: false);
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        if (!db.Tenancy.Unrestricted && !db.Tenancy.IsSiteAdmin && db.Tenancy.UserId != userId)
        {
            return Outcome<Guid>.Forbidden("Only a site administrator can change someone else's job title.");
        }
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return Outcome<Guid>.NotFound("No such person.");
        }
        user.JobTitle = title;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(user.Id);
    }
}
