using System.Text;
using Joinery.Core.Accounts;
using Joinery.Core.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace Joinery.Web.Features.Account;

/// <summary>Authenticator-app (TOTP) enrolment with ASP.NET Core Identity's own authenticator provider.</summary>
public sealed class MfaModel(UserManager<User> users, SignInManager<User> signIn, Tenancy tenancy) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Required { get; set; }

    public string QrDataUri { get; private set; } = "";
    public string FormattedKey { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.FindByIdAsync(tenancy.UserId!.Value.ToString());
        if (user!.TwoFactorEnabled)
        {
            return Redirect("/account/profile");
        }
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.FindByIdAsync(tenancy.UserId!.Value.ToString());
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (code.Length != 6 || !code.All(char.IsDigit)
            || !await users.VerifyTwoFactorTokenAsync(user!, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), "That code is not right. Enter the six digits the app shows now.");
            await LoadAsync(user!);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user!, true);
        await signIn.RefreshSignInAsync(user!);
        TempData["Status"] = "Two-step sign-in is on. You will be asked for a code each time you sign in.";
        return Redirect("/account/profile");
    }

    private async Task LoadAsync(User user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // A new key renews the security stamp, which would end this session too.
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        FormattedKey = string.Join(' ', key!.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        var uri = $"otpauth://totp/Joinery:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer=Joinery&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var svg = new SvgQRCode(data).GetGraphic(4);
        QrDataUri = "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
    }
}
