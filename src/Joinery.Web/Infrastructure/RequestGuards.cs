using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Infrastructure;

/// <summary>Requests the app cannot take get a plain 4xx before a page or endpoint runs, never a 500.</summary>
internal static class RequestGuards
{
    public static IServiceCollection AddRequestGuards(this IServiceCollection services)
    {
        services.Configure<MvcOptions>(options => options.Filters.Add(new MissingHandlers()));
        return services;
    }
}
