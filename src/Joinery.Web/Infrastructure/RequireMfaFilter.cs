using Joinery.Core.Accounts;
using Joinery.Core.Common;
using Joinery.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Web.Infrastructure;

/// <summary>When the site requires MFA, a signed-in person without an authenticator app is sent to set one up first.</summary>
internal sealed class RequireMfaFilter(SiteSettingsStore settings, JoineryDb db, Tenancy tenancy) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var page = context.ActionDescriptor.ViewEnginePath;
        if (tenancy.UserId is { } userId && !page.StartsWith("/Account/", StringComparison.Ordinal) && page != "/Error"
            && (await settings.GetAsync()).RequireMfa
            && !await db.Users.AnyAsync(u => u.Id == userId && u.TwoFactorEnabled))
        {
            context.Result = new RedirectToPageResult("/Account/Mfa", new { required = true });
            return;
        }
        await next();
    }
}
