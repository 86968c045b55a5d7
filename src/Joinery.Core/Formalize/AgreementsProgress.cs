using Joinery.Core.Common;
using Joinery.Core.Health;
using Joinery.Core.Partnerships;

namespace Joinery.Core.Formalize;

/// <summary>The Formalize gate: every required agreement exists and is signed or in force, not past expiry.</summary>
public sealed class AgreementsProgress(AgreementList register, ServicesWork catalog) : IRoadmapContribution
{
    public async Task<RoadmapPart> ContributeAsync(PartnershipFacts partnership, CancellationToken cancellationToken) =>
        RoadmapPart.Of(new GateCriterion(Phase.Formalize, 10, "/agreements", await CriterionAsync(partnership.Id, cancellationToken)));

    private async Task<Criterion> CriterionAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        const string Code = "agreements-in-force";
        const string Text = "The required agreements are signed and in force";
        var agreements = await register.ReadAsync(partnershipId, cancellationToken);
        var required = RequiredAgreements.For(await catalog.ServicesAsync(partnershipId, cancellationToken), agreements);
        if (agreements.Count == 0)
        {
            return Criterion.NotStarted(Code, Text, $"No agreements recorded yet; needed: {RequiredAgreements.Names(required)}.");
        }
        var open = required.Where(r => !r.InForce).ToList();
        return open.Count == 0
            ? new Criterion(Code, Text, CriterionStatus.Met, $"In force: {RequiredAgreements.Names(required)}.")
            : new Criterion(Code, Text, CriterionStatus.NotMet,
                string.Join(" ", open.Select(r => r.Missing ? $"{r.Type.Label()} missing." : $"{r.Type.Label()} is {r.Status!.Value.LowerWords()}.")));
    }
}

/// <summary>Agreements within their renewal notice or expired while marked in force; Part 2 services without Part 2 terms in force.</summary>
public sealed class AgreementsSignals(AgreementList register, ServicesWork catalog) : IHealthContribution
{
    public async Task<IEnumerable<HealthSignal>> SignalsAsync(PartnershipFacts partnership, HealthThresholds thresholds, CancellationToken cancellationToken)
    {
        var path = partnership.Path + "/agreements";
        var today = partnership.Today;
        var signals = new List<HealthSignal>();
        var agreements = await register.ReadAsync(partnership.Id, cancellationToken);
        var live = agreements.Where(a => a.Status is AgreementStatus.Signed or AgreementStatus.InForce or AgreementStatus.Expiring && a.ExpiresOn is not null).ToList();
        var expired = live.Where(a => a.ExpiresOn < today).ToList();
        if (expired.Count > 0)
        {
            signals.Add(new("agreement-expired", Severity.Critical, 4,
                $"{Counting.Of(expired.Count, "agreement")} marked {string.Join(" or ", expired.Select(a => a.Status.LowerWords()).Distinct())} {Counting.Verb(expired.Count, "is", "are")} past their expiry date: renew them or record that they ended.",
                expired.Select(a => new Evidence("agreement", a.Id, $"{a.Title} (expired {ShownDates.Of(a.ExpiresOn)})")).ToList(), path));
        }
        var expiring = live.Where(a => a.ExpiresOn >= today && a.NoticeOn <= today).ToList();
        if (expiring.Count > 0)
        {
            signals.Add(new("agreement-expiring", Severity.Warning, 4,
                $"{Counting.Of(expiring.Count, "agreement")} {Counting.Verb(expiring.Count, "is", "are")} within their renewal notice period: start the renewal talks now.",
                expiring.Select(a => new Evidence("agreement", a.Id, $"{a.Title} (expires {ShownDates.Of(a.ExpiresOn)})")).ToList(), path));
        }
        var part2 = (await catalog.ServicesAsync(partnership.Id, cancellationToken)).Where(s => s.InvolvesPart2).ToList();
        if (part2.Count > 0 && !agreements.Any(a => a.Type == AgreementType.Qsoa && a.InForce))
        {
            signals.Add(new("part2-without-terms", Severity.Critical, 4,
                $"{Counting.Of(part2.Count, "service")} {Counting.Verb(part2.Count, "involves", "involve")} substance use disorder records covered by 42 CFR Part 2, but no Part 2 terms (QSOA) are signed or in force.",
                part2.Select(s => new Evidence("service", s.Id, s.Name)).ToList(), path));
        }
        return signals;
    }
}
