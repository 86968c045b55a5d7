using Joinery.Core.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Joinery.Core.Notifications;

public static class NotificationsFeature
{
    /// <summary>Mail, the public address links are built from, and the e-mails that tell people what waits for them.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<SmtpOptions>(configuration, SmtpOptions.Section);
        services.AddSettings<NotificationOptions>(configuration, NotificationOptions.Section);
        services.AddSettings<SiteOptions>(configuration, SiteOptions.Section);
        services.AddSingleton(provider => new PublicUrl(provider.GetRequiredService<IOptions<SiteOptions>>().Value.Root));
        services.AddSingleton<Mailer>();
        services.AddScoped<SendNotifications>();
        services.AddScoped<ShowNotificationSettings>();
        services.AddScoped<ChangeNotificationSettings>();
        services.AddScoped<Unsubscribe>();
        return services;
    }
}
