using Joinery.Core.Demo;
using Joinery.Core.Health;
using Joinery.Core.Inbox;
using Joinery.Core.Partnerships;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Core.Formalize;

public static class FormalizeFeature
{
    /// <summary>Formalize: its operations, and what it contributes to the roadmap and partnership health.</summary>
    public static IServiceCollection AddFormalize(this IServiceCollection services)
    {
        services.AddScoped<ServicesWork>();
        services.AddScoped<FinancesWork>();
        services.AddScoped<AgreementList>();
        services.AddScoped<ShowAgreementsRegister>();
        services.AddScoped<ShowAgreement>();
        services.AddScoped<RecordAgreement>();
        services.AddScoped<ChangeAgreement>();
        services.AddScoped<AddSignatory>();
        services.AddScoped<ChangeSignatory>();
        services.AddScoped<RemoveSignatory>();
        services.AddScoped<ReviewAgreementElement>();
        services.AddScoped<AttachAgreementDocument>();
        services.AddScoped<DownloadAgreementDocument>();
        services.AddScoped<MouDraft>();
        services.AddRoadmap<AgreementsProgress>();
        services.AddHealth<AgreementsSignals>();
        services.AddDemo<FormalizeDemo>();
        services.AddInbox<ChecklistInbox>();
        return services;
    }
}
