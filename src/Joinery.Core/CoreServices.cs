using Joinery.Core.Accounts;
using Joinery.Core.Audit;
using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Demo;
using Joinery.Core.Organizations;
using Joinery.Core.Partnerships;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Joinery.Core;

public static class CoreServices
{
    /// <summary>Everything the web app and the CLI share: data, accounts, operations.</summary>
    public static IdentityBuilder AddJoineryCore(this IServiceCollection services, IConfiguration configuration)
    {
        var database = DatabaseOptions.From(configuration);
        services.AddSingleton(database);
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<Tenancy>();
        services.AddMemoryCache();
        services.AddDbContext<JoineryDb>(database.Configure);

        services.AddScoped<Migrator>();
        services.AddScoped<Backups>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<CreateOrganization>();
        services.AddScoped<UpdateOrganizationProfile>();
        services.AddScoped<CreateUser>();
        services.AddScoped<SetUpFirstAdministrator>();
        services.AddScoped<PersonalAccessTokens>();
        services.AddScoped<ChangePassword>();
        services.AddSingleton<DecoyPassword>();
        services.AddScoped<AccountActivation>();
        services.AddScoped<SiteSettingsStore>();
        services.AddScoped<CreatePartnership>();
        services.AddScoped<AddMember>();
        services.AddScoped<ManageMember>();
        services.AddScoped<Invitations>();
        services.AddScoped<ComputeRoadmap>();
        services.AddScoped<MovePhase>();
        services.AddScoped<Readiness.ReadinessCheck>();
        services.AddScoped<IntegrationLevels.IntegrationLevels>();
        services.AddScoped<Mission.MissionWork>();
        services.AddScoped<Glossary.GlossaryWork>();
        services.AddScoped<Meetings.MeetingsWork>();
        services.AddScoped<Decisions.DecisionsWork>();
        services.AddScoped<Measures.MeasuresWork>();
        services.AddScoped<Health.PartnershipHealth>();
        services.AddScoped<Reports.PartnershipReport>();
        services.AddScoped<Formalize.MouDraft>();
        services.AddScoped<Feedback.FeedbackWork>();
        services.AddScoped<Trust.TrustWork>();
        services.AddScoped<Trust.PulseWork>();
        services.AddScoped<Expectations.ExpectationsWork>();
        services.AddScoped<Launch.LaunchWork>();
        services.AddScoped<Close.CloseWork>();
        services.AddScoped<Launch.MilestonesWork>();
        services.AddScoped<Formalize.ServicesWork>();
        services.AddScoped<Formalize.FinancesWork>();
        services.AddScoped<Formalize.AgreementsWork>();
        services.AddScoped<SeedDemo>();
        services.AddScoped<SeedScale>();

        return services.AddIdentityCore<User>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // "Confirmed" here means "active": a deactivated account cannot sign in (ActiveAccountsOnly).
                options.SignIn.RequireConfirmedAccount = true;
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 5;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<JoineryDb>()
            .AddPasswordValidator<TrivialPasswordValidator>()
            .AddUserConfirmation<ActiveAccountsOnly>();
    }
}
