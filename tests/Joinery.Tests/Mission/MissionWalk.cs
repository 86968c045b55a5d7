using Joinery.Core.Data;
using Joinery.Core.Mission;
using Joinery.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Mission;

public sealed class MissionWalk : IWalkContribution
{
    /// <summary>A published mission, so that acknowledging it is a valid request.</summary>
    public Task<Dictionary<string, string>> RecordsAsync(JoineryApp app, SeededPartnership victim) =>
        app.ActingAsAsync(victim.Steward, async services =>
        {
            var db = services.GetRequiredService<JoineryDb>();
            db.Set<MissionVersion>().Add(new MissionVersion
            {
                PartnershipId = victim.Id,
                Number = 1,
                Vision = "One place for body and mind.",
                Mission = "Care together.",
                AuthorUserId = victim.Steward.UserId,
                CreatedAt = db.Now,
                PublishedAt = db.Now,
            });
            await db.SaveChangesAsync();
            return new Dictionary<string, string>();
        });

    public Dictionary<string, string> FormFields(string page, SeededPartnership victim, Dictionary<string, string> records) => page switch
    {
        "/Mission/Index" => new()
        {
            ["Draft.Vision"] = $"Body and mind, together {Guid.NewGuid():N}.",
            ["Draft.Mission"] = "We care for the people we serve, together.",
            ["CommentText"] = "Please name substance use.",
            ["Communicated.Channel"] = "huddle",
            ["Communicated.On"] = "2026-01-10",
            ["Communicated.Audience"] = "Front desk",
        },
        _ => [],
    };
}
