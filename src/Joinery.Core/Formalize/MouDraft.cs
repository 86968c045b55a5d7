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

namespace Joinery.Core.Formalize;

/// <summary>
/// Assembles a draft memorandum of understanding from what the partnership has recorded, section
/// by section in the order of frameworks.md §9.1. Where nothing is recorded the draft carries a
/// highlighted gap saying what belongs there; it never writes terms the partners did not. Every
/// draft says plainly that it is for legal review.
/// </summary>
public sealed class MouDraft(JoineryDb db, MissionWork mission, GlossaryWork glossary, IntegrationLevels.IntegrationLevels levels,
    MeetingsWork meetings, DecisionsWork decisions, ShowExpectations expectations, MeasuresWork measures,
    ServicesWork services, FinancesWork finances, ShowAgreementsRegister agreements, Launch.LaunchWork launch)
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
        var serviceList = await services.ServicesAsync(partnershipId, cancellationToken);
        var money = (await finances.GetAsync(partnershipId, cancellationToken))!;
        var register = (await agreements.RunAsync(partnershipId, cancellationToken))!;
        var launchView = (await launch.GetAsync(partnershipId, cancellationToken))!;
        var expectationsView = (await expectations.RunAsync(partnershipId, cancellationToken))!;
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
        Section("Scope of services", Services(serviceList));
        Section("Level of integration and model", Level(level));
        Section("Roles and responsibilities", Roles(partnership, missionView));
        Section("Clinical workflows", [
            new BulletList(Workflows.Select(w => new Paragraph([new Span(w + ": ", SpanKind.Strong), new Span("to be described or attached as an exhibit", SpanKind.Gap)])).ToList()),
        ]);
        Section("Communication and governance", Governance(partnership, meetingsView, decisionList));
        Section("Records, documentation and access to electronic health records", [
            Paragraph.Gap("Which record is the legal record for each service, and who may read and write which parts of it."),
        ]);
        Section("Privacy and confidentiality", Privacy(register));
        Section("Data sharing and reporting", DataSharing(register));
        Section("Performance expectations", Performance(expectationsView, measureCharts, launchView));
        Section("Financial terms", Finances(serviceList, money));
        Section("Space, equipment, information technology and supplies", Space(money, register));
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
            [new Span(p.Name, SpanKind.Strong), new Span($", a {p.Kind.LowerWords()} organization")])).ToList());
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
            yield return Paragraph.Gap($"{Counting.Of(open, "more term")} {Counting.Verb(open, "is", "are")} still proposed, in discussion or disputed; agree them or leave them out.");
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
                : new Span("Champions: " + string.Join("; ", champions.Select(c => $"{c.Name} ({c.Level.LowerWords()}{(c.ChampionFor.Length > 0 ? ", " + c.ChampionFor : "")})")) + ".")]);
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
                $"{s.Title}: {s.Cadence.LowerWords()}, {s.Format.LowerWords()}, {s.DurationMinutes} minutes.")).ToList());
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

    private static IEnumerable<Block> Performance(ExpectationsView expectations, List<(Measure Measure, MeasureChart Chart)> charts, Launch.LaunchView launch)
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
        yield return launch.Pilot is { } pilot
            ? Paragraph.Of($"Services start on {pilot.From.ToString("MMMM d, yyyy", Us)} as a pilot of {pilot.Months} months, to {pilot.To.ToString("MMMM d, yyyy", Us)}; " +
                $"the partners review it against these expectations by {pilot.ReviewDue.ToString("MMMM d, yyyy", Us)}.")
            : Paragraph.Field("Pilot period", null, "start date and length of the pilot, and when it is reviewed");
    }

    private static IEnumerable<Block> Services(List<ServiceView> services)
    {
        if (services.Count == 0)
        {
            yield return Paragraph.Gap("Which partner delivers which service, where and when, for which people, and who bills for it.");
            yield break;
        }
        yield return new Table("Services under this memorandum", ["Service", "Delivered by", "Billed by", "Site", "Payers", "Health center scope"],
            services.Select(v => (IReadOnlyList<Paragraph>)
            [
                new Paragraph([new Span(v.Name, SpanKind.Strong), new Span(v.Description.Length > 0 ? ": " + v.Description : "")]),
                Paragraph.Of(v.DeliveredBy),
                Paragraph.Of(v.BilledBy),
                v.Site.Length > 0 ? Paragraph.Of(v.Site) : Paragraph.Gap("site"),
                v.Payers.Count > 0 ? Paragraph.Of(string.Join(", ", v.Payers.Select(x => x.Words()))) : Paragraph.Gap("payers"),
                Paragraph.Of(ScopeText(v.Scope)),
            ]).ToList());
        yield return Paragraph.Gap("Hours, the people each service is for, and how they become eligible.");
    }

    private static string ScopeText(HrsaScope scope) => scope switch
    {
        HrsaScope.Direct => "provided directly (Form 5A column I)",
        HrsaScope.Contract => "by formal contract (column II)",
        _ => "by formal referral arrangement (column III)",
    };

    private static Paragraph AgreementLine(AgreementType type, string what, AgreementsRegister register)
    {
        var recorded = register.Agreements.Where(a => a.Type == type).ToList();
        var required = register.Required.FirstOrDefault(r => r.Type == type);
        if (recorded.Count > 0)
        {
            return new Paragraph([new Span(what + ": ", SpanKind.Strong), new Span(string.Join("; ", recorded.Select(a =>
                $"{a.Title} ({a.Status.LowerWords()}{(a.EffectiveOn is { } on ? ", effective " + on.ToString("MMMM d, yyyy", Us) : "")})")) + ", incorporated by reference.")]);
        }
        return required is not null
            ? new Paragraph([new Span(what + ": ", SpanKind.Strong), new Span($"Required but not recorded yet. {required.Reason}", SpanKind.Gap)])
            : new Paragraph([new Span(what + ": ", SpanKind.Strong), new Span("not required by the services recorded.")]);
    }

    private static IEnumerable<Block> Privacy(AgreementsRegister register)
    {
        yield return Paragraph.Of("Each partner remains responsible for its own obligations under HIPAA, 42 CFR Part 2 where substance use disorder records are involved, and state law.");
        yield return AgreementLine(AgreementType.Baa, "Business associate agreement", register);
        yield return AgreementLine(AgreementType.Qsoa, "Qualified service organization agreement (42 CFR Part 2)", register);
        yield return Paragraph.Gap("The HIPAA status of each partner and how patient consent under Part 2 is handled.");
    }

    private static IEnumerable<Block> DataSharing(AgreementsRegister register)
    {
        if (register.Agreements.Any(a => a.Type == AgreementType.Dsa))
        {
            yield return AgreementLine(AgreementType.Dsa, "Data-sharing agreement", register);
            yield break;
        }
        yield return Paragraph.Gap("The data elements shared, how often, how, and who aggregates them (or a separate data-sharing agreement).");
    }

    private static IEnumerable<Block> Finances(List<ServiceView> services, FinancesView money)
    {
        if (services.Count > 0)
        {
            yield return new BulletList(services.Select(v => Paragraph.Of($"{v.BilledBy} bills for {v.Name}.")).ToList());
        }
        if (money.Items.Count > 0)
        {
            yield return new Table("Costs and who pays them", ["Cost", "Paid by", "Amount", "Period"],
                money.Items.Select(i => (IReadOnlyList<Paragraph>)
                [
                    Paragraph.Of(i.PaysFor is { } paid
                        ? $"{i.Category.Words()}: {i.Description} (pays for {paid.OrganizationName}'s contribution: {paid.Description})"
                        : $"{i.Category.Words()}: {i.Description}"),
                    Paragraph.Of(i.OrganizationName),
                    Paragraph.Of(Dollars(i.Amount)),
                    Paragraph.Of(i.Period.LowerWords()),
                ]).ToList());
        }
        if (money.Totals.Any(t => t.Total > 0))
        {
            yield return new Table("Each partner's stake (yearly costs, one-off costs and contributions)", ["Partner", "Per year", "One-off", "Contributions", "Share"],
                money.Totals.Select(t => (IReadOnlyList<Paragraph>)
                [
                    Paragraph.Of(t.OrganizationName),
                    Paragraph.Of(Dollars(t.AnnualCosts)),
                    Paragraph.Of(Dollars(t.OneOffCosts)),
                    Paragraph.Of(Dollars(t.Contributions)),
                    Paragraph.Of((t.Share * 100).ToString("0", Us) + "%"),
                ]).ToList());
            if (money.Totals.Any(t => t.ContributionsPaidByCosts > 0))
            {
                yield return Paragraph.Of("A contribution that a cost item pays for is counted once, as the cost of the partner who pays, and not again as a contribution.");
            }
        }
        yield return Paragraph.Gap("Compensation or cost sharing between the partners, how and when it is paid, and grant obligations.");
    }

    private static IEnumerable<Block> Space(FinancesView money, AgreementsRegister register)
    {
        var items = money.Items.Where(i => i.Category is CostCategory.Space or CostCategory.Equipment or CostCategory.It).ToList();
        if (items.Count > 0)
        {
            yield return new BulletList(items.Select(i => Paragraph.Of($"{i.Description} ({i.Category.LowerWords()}), provided by {i.OrganizationName}.")).ToList());
        }
        yield return register.Agreements.Any(a => a.Type == AgreementType.Lease)
            ? AgreementLine(AgreementType.Lease, "Space or equipment lease", register)
            : Paragraph.Gap("Space and equipment each partner provides, and any lease at fair market value.");
    }

    /// <summary>Exact to the cent: "$12,345.67".</summary>
    internal static string Dollars(decimal amount) => (amount < 0 ? "-$" : "$") + Math.Abs(amount).ToString("N2", Us);

    private static IEnumerable<Block> Communications(MissionView mission)
    {
        if (mission.Communications.Count > 0)
        {
            yield return Paragraph.Of($"The partners have told {Counting.Of(mission.Communications.Count, "audience")} about the partnership so far; " +
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
