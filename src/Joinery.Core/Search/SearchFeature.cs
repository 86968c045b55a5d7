using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Core.Search;

public static class SearchFeature
{
    /// <summary>Search: one operation over the index that migration 0021's triggers keep (decision 0011).</summary>
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddScoped<SearchPartnership>();
        return services;
    }
}
