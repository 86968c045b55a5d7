using Joinery.Core.Inbox;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Joinery.Web.Features.Inbox;

/// <summary>One thing waiting for the token's person: what, in which partnership, where to act and since when.</summary>
public sealed record InboxItemResponse(string Kind, Guid PartnershipId, string Title, string Link, DateTimeOffset Since);

internal static class InboxApi
{
    public static void MapInboxApi(this RouteGroupBuilder api) =>
        api.MapGet("/me/inbox", InboxAsync).WithName("GetMyInbox").WithTags("Account")
            .WithSummary("What waits for the token's person across their partnerships, oldest first: the same items as the \"Waiting for you\" list.");

    private static async Task<Ok<List<InboxItemResponse>>> InboxAsync(WaitingForYou inbox, CancellationToken cancellationToken) =>
        TypedResults.Ok((await inbox.RunAsync(cancellationToken)).Select(i => new InboxItemResponse(i.Kind, i.PartnershipId, i.Title, i.Link, i.Since)).ToList());
}
