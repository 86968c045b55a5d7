using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Joinery.Web.Infrastructure;

/// <summary>Requests the app cannot take get a plain 4xx before a page or endpoint runs, never a 500.</summary>
internal static class RequestGuards
{
    public static IServiceCollection AddRequestGuards(this IServiceCollection services)
    {
        // Raised per page or route by UploadLimitAttribute, which endpoint routing applies.
        services.Configure<KestrelServerOptions>(options => options.Limits.MaxRequestBodySize = RequestLimits.Default);
        services.Configure<MvcOptions>(options =>
        {
            options.Filters.Add(new FormLimits());
            options.Filters.Add(new MissingHandlers());
        });
        return services;
    }
}
