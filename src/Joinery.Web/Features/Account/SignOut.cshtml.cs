using Joinery.Core.Accounts;
using Joinery.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Joinery.Web.Features.Account;

public sealed class SignOutModel(SignInManager<User> signIn, JoineryDb db) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (db.Tenancy.UserId is { } userId)
        {
            db.Audit("sign-out", "user", userId.ToString());
            await db.SaveChangesAsync(cancellationToken);
        }
        await signIn.SignOutAsync();
        return Redirect("/account/sign-in");
    }
}
