using Joinery.Core.Accounts;
using Joinery.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Web.Features.Account;

public sealed class SignOutModel(SignInManager<User> signIn, JoineryDb db) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // A new security stamp ends every session of this person, including any copy of this cookie.
        if (db.Tenancy.UserId is { } userId && await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken) is { } user)
        {
            user.EndSessions();
            db.Audit("sign-out", "user", userId.ToString());
            await db.SaveChangesAsync(cancellationToken);
        }
        await signIn.SignOutAsync();
        return Redirect("/account/sign-in");
    }
}
