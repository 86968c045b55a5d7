namespace Joinery.Core.Formalize;

public sealed record ChecklistElement(string Code, string Text);

/// <summary>
/// The elements an agreement of each type should cover (frameworks.md §9.1, §9.2, §9.3, §9.5), in our
/// own short words. They are prompts for review with counsel, not legal advice.
/// </summary>
public static class AgreementChecklists
{
    public static readonly IReadOnlyList<ChecklistElement> Mou =
    [
        new("parties", "Who the parties are, why they partner, and the effective date."),
        new("vision", "The shared vision, mission and goals (from step 1)."),
        new("definitions", "Definitions, pointing to the shared glossary (step 2)."),
        new("scope", "Scope of services: who delivers what, where and when, for whom."),
        new("integration-model", "The level and model of integration, now and as the target."),
        new("roles", "Each party's roles: staffing, supervision, credentialing, licensure, training."),
        new("workflows", "Clinical workflows: screening, referral, warm handoff, crisis, shared care plan, follow-up."),
        new("governance", "Communication and governance: steering group, meeting cadence, champions, escalation, decision rights."),
        new("records", "Records and EHR access: which record is the legal record, who may read and write."),
        new("privacy", "Privacy: each party's HIPAA status, BAA or QSOA by reference, Part 2 consent, state law."),
        new("data-sharing", "Data sharing and reporting: which data, how often, who aggregates (or a separate DSA)."),
        new("performance", "Performance: agreed measures, baselines, targets, pilot period, review dates."),
        new("financial", "Money: who bills which services, cost sharing, leases at fair market value, grant duties."),
        new("space-equipment", "Space, equipment, IT and supplies."),
        new("insurance", "Insurance, indemnification and FTCA questions for health center staff."),
        new("compliance", "Regulatory compliance: HRSA scope, Medicare and Medicaid rules, anti-kickback and Stark review, language access."),
        new("disputes", "How disagreements are resolved."),
        new("term", "Term, renewal, amendment and termination: notice, patient transition, records after the end."),
        new("communications", "Public communications, branding and telling referral sources."),
        new("signatures", "Signatures and exhibits (workflows, fee schedule, BAA, QSOA, DSA)."),
    ];

    public static readonly IReadOnlyList<ChecklistElement> Baa =
    [
        new("permitted-uses", "What the business associate may use and disclose, and nothing the covered entity itself could not."),
        new("only-as-allowed", "It uses or discloses health information only as the agreement allows or the law requires."),
        new("safeguards", "It uses appropriate safeguards and follows the Security Rule for electronic records."),
        new("report-breaches", "It reports misuse, security incidents and breaches promptly (breaches within 60 days at most)."),
        new("subcontractors", "Its subcontractors that handle the information agree to the same limits."),
        new("patient-access", "It makes the information available when a patient asks to see it."),
        new("amendment", "It makes the information available for amendment and applies amendments."),
        new("accounting", "It gives what is needed for an accounting of disclosures."),
        new("privacy-rule-duties", "Where it does a covered entity's job, it follows the Privacy Rule for that job."),
        new("hhs-access", "It opens its practices, books and records to HHS for compliance review."),
        new("return-destroy", "At the end it returns or destroys the information, or keeps protecting what it cannot."),
        new("termination", "The covered entity may end the agreement if a material term is broken."),
    ];

    public static readonly IReadOnlyList<ChecklistElement> Qsoa =
    [
        new("bound-by-part2", "The service organization acknowledges it is fully bound by 42 CFR Part 2 for the program's records."),
        new("resist-judicial", "It agrees to resist, in court if needed, any effort to get patient-identifying information that Part 2 does not allow."),
        new("services-described", "The services it provides to the program are described."),
        new("not-for-treatment", "It is not used to share with an outside treating provider; SAMHSA says patient consent is the way for that."),
        new("combined-baa", "Where it is also a HIPAA business associate, the BAA terms are combined with these."),
    ];

    public static readonly IReadOnlyList<ChecklistElement> Dsa =
    [
        new("purpose", "The purpose and legal basis of each data flow (treatment, operations, consent, public health, research)."),
        new("elements", "The data elements, keeping to the minimum necessary where that applies."),
        new("transport", "How often and by what means data moves (HIE, direct messaging, API, secure file)."),
        new("uses", "Permitted uses, limits on redisclosure, de-identification or limited data set terms."),
        new("security", "Security: encryption, role-based access, audit logging, multi-factor sign-in."),
        new("incidents", "Breach and incident notice: timelines and contacts."),
        new("quality", "Data quality, reconciliation and how patients are matched."),
        new("retention", "Retention and destruction, and what happens at the end."),
        new("patient-rights", "How requests for access, amendment and accounting are routed."),
        new("audit-term", "Audit rights, term and termination, governing law."),
    ];

    /// <summary>The checklist for an agreement type; empty for types without one.</summary>
    public static IReadOnlyList<ChecklistElement> For(AgreementType type) => type switch
    {
        AgreementType.Mou => Mou,
        AgreementType.Baa => Baa,
        AgreementType.Qsoa => Qsoa,
        AgreementType.Dsa => Dsa,
        _ => [],
    };
}
