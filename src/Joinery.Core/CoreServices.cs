using Joinery.Core.Accounts;
using Joinery.Core.Audit;
using Joinery.Core.Close;
using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Decisions;
using Joinery.Core.Demo;
using Joinery.Core.Expectations;
using Joinery.Core.Feedback;
using Joinery.Core.Formalize;
using Joinery.Core.Glossary;
using Joinery.Core.IntegrationLevels;
using Joinery.Core.Launch;
using Joinery.Core.Measures;
using Joinery.Core.Meetings;
using Joinery.Core.Mission;
using Joinery.Core.Notifications;
using Joinery.Core.Organizations;
using Joinery.Core.Partnerships;
using Joinery.Core.Readiness;
using Joinery.Core.Search;
using Joinery.Core.Trust;
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
        // Read when first needed, and checked at start (Settings.Check): a wrong provider or a
        // missing connection string stops the program with one line rather than an exception here.
        services.AddSingleton(_ => DatabaseOptions.From(configuration));
        services.AddOptions<DatabaseOptions.StartCheck>().Validate(_ => DatabaseOptions.From(configuration) is not null).ValidateOnStart();
        services.AddSettings<UploadOptions>(configuration, UploadOptions.Section);
        // The one source of time (Clock:Today fixes the day for demos and browser tests); tests swap in a fake.
        services.TryAddSingleton(Clock.From(configuration));
        services.AddScoped<Tenancy>();
        services.AddMemoryCache();
        services.AddDbContext<JoineryDb>((provider, builder) => provider.GetRequiredService<DatabaseOptions>().Configure(builder));

        services.AddScoped<Migrator>();
        services.AddScoped<Backups>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<CreateOrganization>();
        services.AddScoped<UpdateOrganizationProfile>();
        services.AddScoped<CreateUser>();
        services.AddScoped<SetUpFirstAdministrator>();
        services.AddScoped<PersonalAccessTokens>();
        services.AddScoped<ChangePassword>();
        services.AddScoped<ForgotPassword>();
        services.AddScoped<ResetPassword>();
        services.AddScoped<ChangeJobTitle>();
        services.AddSingleton<DecoyPassword>();
        services.AddScoped<AccountActivation>();
        services.AddScoped<SiteSettingsStore>();
        services.AddScoped<Health.PartnershipHealth>();
        services.AddScoped<Reports.PartnershipReport>();
        services.AddScoped<Inbox.WaitingForYou>();
        services.AddNotifications(configuration);

        // The features, in the order their contributions appear (the health thresholds' form follows it).
        services.AddPartnerships();
        services.AddReadiness();
        services.AddIntegrationLevels();
        services.AddMission();
        services.AddGlossary();
        services.AddMeetings();
        services.AddDecisions();
        services.AddTrust();
        services.AddFeedback();
        services.AddMeasures();
        services.AddExpectations();
        services.AddFormalize();
        services.AddLaunch();
        services.AddClose();
        services.AddSearch();

        services.AddScoped<DemoAccounts>();
        services.AddScoped<DemoActor>();
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
            .AddUserManager<ClockedUserManager>()
            .AddPasswordValidator<TrivialPasswordValidator>()
            .AddUserConfirmation<ActiveAccountsOnly>();
    }
}
