using Joinery.Core.Demo;
using Joinery.Core.Health;
using Joinery.Core.Partnerships;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Core.Expectations;

public static class ExpectationsFeature
{
    /// <summary>Expectations: its operations, and what it contributes to the roadmap and partnership health.</summary>
    public static IServiceCollection AddExpectations(this IServiceCollection services)
    {
        services.AddScoped<ShowExpectations>();
        services.AddScoped<CheckExpectationsHealth>();
        services.AddScoped<AddExpectation>();
        services.AddScoped<ChangeExpectation>();
        services.AddScoped<RemoveExpectation>();
        services.AddScoped<SubmitExpectations>();
        services.AddScoped<PairExpectations>();
        services.AddScoped<UnpairExpectations>();
        services.AddScoped<AgreeExpectation>();
        services.AddScoped<ChangeAgreedExpectation>();
        services.AddScoped<RecordPilotReview>();
        services.AddScoped<ChangePilotReview>();
        services.AddScoped<EvaluateExpectation>();
        services.AddRoadmap<ExpectationsProgress>();
        services.AddHealth<ExpectationsSignals>();
        services.AddDemo<ExpectationsDemo>();
        return services;
    }
}
