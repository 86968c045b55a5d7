using System.Globalization;
using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Decisions;
using Joinery.Core.Documents;
using Joinery.Core.Expectations;
using Joinery.Core.Glossary;
using Joinery.Core.IntegrationLevels;
using Joinery.Core.Measures;
using Joinery.Core.Meetings;
using Joinery.Core.Mission;
using Joinery.Core.Partnerships;

namespace Joinery.Core.Agreements;

/// <summary>
/// Assembles a draft memorandum of understanding from what the partnership has recorded, section
/// by section in the order of frameworks.md §9.1. Where nothing is recorded the draft carries a
/// highlighted gap saying what belongs there; it never writes terms the partners did not. Every
/// draft says plainly that it is for legal review.
/// </summary>
public sealed class MouDraft(JoineryDb db, MissionWork mission, GlossaryWork glossary, IntegrationLevels.IntegrationLevels levels,
    MeetingsWork meetings, DecisionsWork decisions, ExpectationsWork expectations, MeasuresWork measures)
{
    public const string Notice = "DRAFT FOR LEGAL REVIEW. Joinery assembled this draft from what the partners recorded. It is not legal advice " +
        "and is not ready to sign: each partner's counsel must review it, and every highlighted gap must be completed or removed.";

    // The app runs with invariant globalization, whose month names and number formats are English.
    private static readonly CultureInfo Us = CultureInfo.InvariantCulture;

    private static readonly string[] Workflows =
        ["Screening", "Referral", "Warm handoff", "Crisis and safety", "Shared care plan", "Follow-up and closing the loop", "Transitions of care"];

    public async Task<PartnershipDocument?> BuildAsync(Guid partnershipId, CancellationToken cancellationToken = default)
    {
        var partnership = await db.GetPartnershipAsync(partnershipId, cancellationToken);
        if (partnership is null)
        {
            return null;
        }
        var missionView = (await mission.GetAsync(partnershipId, cancellationToken: cancellationToken))!;
        var terms = (await glossary.ListAsync(partnershipId, cancellationToken))!;
        var level = (await levels.GetAsync(partnershipId, cancellationToken))!;
        var meetingsView = (await meetings.GetAsync(partnershipId, cancellationToken))!;
        var decisionList = (await decisions.ListAsync(partnershipId, cancellationToken))!;
        var contributions = (await decisions.ContributionsAsync(partnershipId, cancellationToken))!;
        var expectationsView = (await expectations.GetAsync(partnershipId, cancellationToken))!;
        var measureCharts = await measures.ChartsAsync(partnershipId, cancellationToken);

        var blocks = new List<Block>();
        var number = 0;
        void Section(string title, IEnumerable<Block> content)
        {
            blocks.Add(new Heading($"{++number}. {title}"));
            blocks.AddRange(content);
        }

        Section("Parties, recitals and effective date", Parties(partnership));
        Section("Shared vision, mission and goals", Vision(missionView));
        Section("Definitions", Definitions(terms));
        Section("Scope of services", [
            Paragraph.Gap("Which partner delivers which service, where and when (sites, hours), for which people, and who bills for it."),
        ]);
        Section("Level of integration and model", Level(level));
        Section("Roles and responsibilities", Roles(partnership, missionView));
        Section("Clinical workflows", [
            new BulletList(Workflows.Select(w => new Paragraph([new Span(w + ": ", SpanKind.Strong), new Span("to be described or attached as an exhibit", SpanKind.Gap)])).ToList()),
        ]);
        Section("Communication and governance", Governance(partnership, meetingsView, decisionList));
        Section("Records, documentation and access to electronic health records", [
            Paragraph.Gap("Which record is the legal record for each service, and who may read and write which parts of it."),
        ]);
        Section("Privacy and confidentiality", [
            Paragraph.Of("Each partner remains responsible for its own obligations under HIPAA, 42 CFR Part 2 where substance use disorder records are involved, and state law."),
            Paragraph.Gap("The HIPAA status of each partner, and the business associate and Part 2 (qualified service organization) agreements incorporated by reference."),
        ]);
        Section("Data sharing and reporting", [
            Paragraph.Gap("The data elements shared, how often, how, and who aggregates them (or a separate data-sharing agreement)."),
        ]);
        Section("Performance expectations", Performance(expectationsView, measureCharts));
        Section("Financial terms", Finances(contributions));
        Section("Space, equipment, information technology and supplies", [
            Paragraph.Gap("Space and equipment each partner provides, and any lease at fair market value."),
        ]);
        Section("Insurance and indemnification", [
            Paragraph.Gap("Malpractice and general liability cover of each partner, indemnification, and FTCA considerations for health center staff (for counsel)."),
        ]);
        Section("Regulatory compliance", [
            Paragraph.Gap("Health center scope of project (Form 5A/5B), Medicare and Medicaid rules, anti-kickback and Stark review, non-discrimination and language access (for counsel)."),
        ]);
        Section("Dispute resolution", [
            Paragraph.Of("Disagreements go first to the partnership's champions, then to the executives who endorsed the mission."),
            Paragraph.Gap("Mediation or other steps if the executives cannot agree."),
        ]);
        Section("Term, renewal, amendment and termination", [
            Paragraph.Gap("Term and renewal; how the memorandum is amended; notice period for termination."),
            Paragraph.Gap("Transition plan for the people served if the partnership ends: who continues their care, how they are told, and who keeps which records."),
        ]);
        Section("Public communications", Communications(missionView));
        Section("Signatures", Signatures(partnership));
        db.Audit("mou.drafted", "partnership", partnershipId.ToString(), partnershipId);
        await db.SaveChangesAsync(cancellationToken);
        return new PartnershipDocument($"Memorandum of understanding: {partnership.Name}",
            $"Draft of {db.Now.ToString("MMMM d, yyyy", Us)} between {string.Join(" and ", partnership.Partners.Select(p => p.Name))}", blocks)
        { Notice = Notice };
    }

    private static IEnumerable<Block> Parties(PartnershipView partnership)
    {
        yield return Paragraph.Of("This memorandum of understanding is made between:");
        yield return new BulletList(partnership.Partners.Select(p => new Paragraph(
            [new Span(p.Name, SpanKind.Strong), new Span($", a {p.Kind.Words().ToLowerInvariant()} organization")])).ToList());
        yield return Paragraph.Of("The partners intend to give the people they serve whole-person care by working as one across behavioral health and primary care.");
        yield return Paragraph.Field("Effective date", null, "date this memorandum takes effect");
    }

    private static IEnumerable<Block> Vision(MissionView mission)
    {
        if (mission.Current is not { } current)
        {
            yield return Paragraph.Gap("The partners' shared vision and mission (step 1 of Joinery).");
            yield break;
        }
        yield return Paragraph.Field("Vision", current.Vision, "shared vision");
        yield return Paragraph.Field("Mission", current.Mission, "shared mission");
        var waiting = mission.Endorsements.Where(e => e.EndorsedAt is null).Select(e => e.OrganizationName).ToList();
        if (waiting.Count > 0)
        {
            yield return Paragraph.Gap($"Version {current.Number} is not yet endorsed by {string.Join(" and ", waiting)}.");
        }
    }

    private static IEnumerable<Block> Definitions(List<TermView> terms)
    {
        var agreed = terms.Where(t => t.Status == TermStatus.Agreed).OrderBy(t => t.Term, StringComparer.OrdinalIgnoreCase).ToList();
        if (agreed.Count == 0)
        {
            yield return Paragraph.Gap("Terms the partners define together (the shared glossary of step 2).");
            yield break;
        }
        yield return Paragraph.Of("In this memorandum these terms have the meaning the partners agreed in their shared glossary:");
        yield return new BulletList(agreed.Select(t => new Paragraph([new Span(t.Term + ": ", SpanKind.Strong), new Span(t.Definition)])).ToList());
        var open = terms.Count(t => t.Status != TermStatus.Agreed);
        if (open > 0)
        {
            yield return Paragraph.Gap($"{open} more term(s) are still proposed, in discussion or disputed; agree them or leave them out.");
        }
    }

    private static IEnumerable<Block> Level(IntegrationLevelView level)
    {
        if (level.Agreed is not { } agreed)
        {
            yield return Paragraph.Gap("The current and target level of integration (SAMHSA-HRSA standard framework) and the model (for example co-location or collaborative care).");
            yield break;
        }
        var now = IntegrationLevelCatalog.Level(agreed.CurrentLevel);
        var target = IntegrationLevelCatalog.Level(agreed.TargetLevel);
        yield return Paragraph.Of($"The partners work today at level {now.Number}, {now.Name}, and aim for level {target.Number}, {target.Name}, " +
            "of the SAMHSA-HRSA standard framework for levels of integrated healthcare.");
        yield return Paragraph.Field("Model", null, "the care model, for example co-location, primary care behavioral health or collaborative care");
    }

    private static IEnumerable<Block> Roles(PartnershipView partnership, MissionView mission)
    {
        foreach (var partner in partnership.Partners)
        {
            var champions = mission.Champions.Where(c => c.OrganizationName == partner.Name).ToList();
            yield return new Paragraph([new Span(partner.Name + ". ", SpanKind.Strong), champions.Count == 0
                ? new Span("no champion named yet", SpanKind.Gap)
                : new Span("Champions: " + string.Join("; ", champions.Select(c => $"{c.Name} ({c.Level.Words().ToLowerInvariant()}{(c.ChampionFor.Length > 0 ? ", " + c.ChampionFor : "")})")) + ".")]);
        }
        yield return Paragraph.Gap("Staffing and FTE, recruitment, supervision, credentialing and privileging, licensure and training each partner provides.");
    }

    private static IEnumerable<Block> Governance(PartnershipView partnership, MeetingsView meetings, List<DecisionSummary> decisions)
    {
        if (meetings.Series.Count == 0)
        {
            yield return Paragraph.Gap("The joint meetings: who meets, how often and how.");
        }
        else
        {
            yield return Paragraph.Of("The partners meet regularly:");
            yield return new BulletList(meetings.Series.Select(s => Paragraph.Of(
                $"{s.Title}: {s.Cadence.Words().ToLowerInvariant()}, {s.Format.Words().ToLowerInvariant()}, {s.DurationMinutes} minutes.")).ToList());
        }
        var agreed = decisions.Where(d => d.Status == DecisionStatus.Agreed).ToList();
        yield return Paragraph.Of("Decisions are recorded with what is fixed by regulation or contract kept apart from what the partners may negotiate; " +
            "a decision binds the partnership once an executive of each partner has signed it off.");
        if (agreed.Count > 0)
        {
            yield return new Table("Decisions agreed so far", ["Decision", "Kind", "Signed off"],
                agreed.Select(d => (IReadOnlyList<Paragraph>)
                [
                    Paragraph.Of(d.Title),
                    Paragraph.Of(d.Negotiability.Words()),
                    d.SignedBy >= d.Partners ? Paragraph.Of("by every partner") : Paragraph.Gap($"by {d.SignedBy} of {d.Partners} partners"),
                ]).ToList());
        }
        yield return Paragraph.Gap($"Escalation path between the {partnership.Partners.Count} partners and who may decide what.");
    }

    private static IEnumerable<Block> Performance(ExpectationsView expectations, List<(Measure Measure, MeasureChart Chart)> charts)
    {
        if (expectations.Agreed.Count == 0)
        {
            yield return Paragraph.Gap("The results each partner expects, agreed together (step 5).");
        }
        else
        {
            yield return new Table("Agreed expectations", ["Expectation", "Owner", "Measure", "Re-evaluate by"],
                expectations.Agreed.Select(a => (IReadOnlyList<Paragraph>)
                [
                    Paragraph.Of(a.Statement),
                    Paragraph.Of(a.Owner),
                    a.Measure is null ? Paragraph.Gap("measure") : Paragraph.Of(a.Measure),
                    a.ReevaluateOn is { } on ? Paragraph.Of(on.ToString("MMMM d, yyyy", Us)) : Paragraph.Gap("date"),
                ]).ToList());
        }
        if (charts.Count > 0)
        {
            yield return new Table("Outcome measures", ["Measure", "Better", "Baseline", "Target"],
                charts.Select(c => (IReadOnlyList<Paragraph>)
                [
                    Paragraph.Of(c.Measure.Name),
                    Paragraph.Of(c.Measure.BetterDirection == BetterDirection.Up ? "higher" : "lower"),
                    c.Measure.BaselineValue is { } b ? Paragraph.Of($"{MeasuresWork.Format(b, c.Chart.Unit)} ({c.Chart.BaselineFrom} to {c.Chart.BaselineTo})") : Paragraph.Gap("baseline"),
                    c.Measure.Target is { } t ? Paragraph.Of(MeasuresWork.Format(t, c.Chart.Unit)) : Paragraph.Gap("target"),
                ]).ToList());
        }
        yield return Paragraph.Field("Pilot period", null, "start date and length of the pilot, and when it is reviewed");
    }

    private static IEnumerable<Block> Finances(ContributionsView contributions)
    {
        if (contributions.Totals.Count > 0 && contributions.Items.Count > 0)
        {
            yield return new Table("What each partner contributes (step 4)", ["Partner", "Value", "FTE", "Share"],
                contributions.Totals.Select(t => (IReadOnlyList<Paragraph>)
                [
                    Paragraph.Of(t.OrganizationName),
                    Paragraph.Of("$" + t.Value.ToString("N0", Us)),
                    Paragraph.Of(t.Fte.ToString("0.##", CultureInfo.InvariantCulture)),
                    Paragraph.Of((t.Share * 100).ToString("0", Us) + "%"),
                ]).ToList());
        }
        yield return Paragraph.Gap("Who bills for which services, compensation or cost sharing, and grant obligations.");
    }

    private static IEnumerable<Block> Communications(MissionView mission)
    {
        if (mission.Communications.Count > 0)
        {
            yield return Paragraph.Of($"The partners have told {mission.Communications.Count} audience(s) about the partnership so far; " +
                "announcements about it are agreed by both partners.");
        }
        yield return Paragraph.Gap("Use of each partner's name and logo, and the announcement to internal and external referral sources.");
    }

    private static IEnumerable<Block> Signatures(PartnershipView partnership)
    {
        yield return new Table("Signed for each partner", ["Partner", "Name and title", "Signature", "Date"],
            partnership.Partners.Select(p => (IReadOnlyList<Paragraph>)
                [Paragraph.Of(p.Name), Paragraph.Gap("name, title"), Paragraph.Of(""), Paragraph.Of("")]).ToList());
        yield return Paragraph.Of("Exhibits: workflows, fee schedule, business associate agreement, qualified service organization agreement, data-sharing agreement, as they apply.");
    }
}
