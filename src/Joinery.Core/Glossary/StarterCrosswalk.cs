namespace Joinery.Core.Glossary;

public sealed record StarterTerm(string Term, TermCategory Category, string BehavioralHealthUsage, string PrimaryCareUsage, string Definition);

/// <summary>
/// Words the two sides use differently, ready to load into a partnership's glossary and then edit.
/// Our own wording, after the crosswalk in frameworks.md §5.1. Definitions are suggestions to
/// discuss, loaded as "proposed".
/// </summary>
public static class StarterCrosswalk
{
    public static readonly IReadOnlyList<StarterTerm> Terms =
    [
        new("client", TermCategory.PeopleServed, "The person receiving services; also consumer, person served or person in recovery.", "Usually 'patient'; 'client' sounds like a business relationship.", "In shared documents: 'the people we serve'; each side may keep its word in its own documents."),
        new("member", TermCategory.PeopleServed, "A person enrolled with the managed care plan that pays for services.", "A health plan enrollee.", "Use only when speaking of health plan enrollment."),
        new("treatment plan", TermCategory.Records, "A signed, goal-based service or recovery plan, reviewed on a schedule and often required for billing.", "The plan part of a visit note, built from the problem list.", "The shared care plan: one plan with a behavioral health section and a medical section."),
        new("assessment", TermCategory.Procedures, "A comprehensive diagnostic and biopsychosocial evaluation, often an hour or more.", "The clinician's impression in the assessment part of a visit note.", "Say 'diagnostic evaluation' for the full evaluation and 'visit assessment' for the note section."),
        new("intake", TermCategory.Procedures, "Admission to services: opening an episode of care.", "A new patient visit that establishes care.", "'First visit' for the appointment; 'episode start' for when services open."),
        new("discharge", TermCategory.Procedures, "Closing an episode of behavioral health care.", "Leaving the hospital or emergency department; people are rarely discharged from primary care.", "'Episode closed' for behavioral health; 'hospital discharge' for inpatient stays."),
        new("caseload", TermCategory.Management, "The active clients of one clinician.", "Rarely used; the comparable idea is a panel.", "Caseload for behavioral health clinicians, panel for primary care teams; reported separately."),
        new("panel", TermCategory.Management, "Rarely used; closest is caseload.", "The patients assigned to a primary care clinician or team.", "The patients assigned to a primary care clinician or team."),
        new("case management", TermCategory.Procedures, "A billable, often community-based service helping a person reach resources.", "Care management or coordination done by nurses or medical assistants, sometimes billed under care management codes.", "'Care coordination' for the activity; 'case management service' for the billable behavioral health service."),
        new("clinician", TermCategory.Roles, "Usually the therapist or counselor.", "A prescribing provider: physician, nurse practitioner or physician assistant.", "Name the role instead: primary care provider, behavioral health consultant, care manager, psychiatric consultant."),
        new("provider", TermCategory.Contracts, "Often the agency that delivers services.", "The individual prescriber.", "'Organization' for the agency; 'practitioner' for the individual."),
        new("session", TermCategory.Procedures, "A scheduled appointment of about 45 to 60 minutes.", "Not used; a visit or encounter lasts about 15 to 20 minutes.", "'Appointment', always with its length."),
        new("progress note", TermCategory.Records, "A note in a set format (DAP, BIRP, GIRP) after each session.", "The encounter note in SOAP format.", "'Visit note', tagged with its format."),
        new("staffing", TermCategory.Management, "A clinical case review or case conference.", "Workforce levels; a short daily team review is a huddle.", "'Case conference', 'huddle' and 'staffing levels' are three different things."),
        new("supervision", TermCategory.Roles, "Clinical oversight of behavioral health staff, often required for licensure.", "Physician oversight of nurse practitioners and physician assistants.", "'Clinical supervision' for behavioral health staff; 'practitioner oversight' for prescribers."),
        new("screening", TermCategory.Procedures, "Checking eligibility or triage before admission.", "A universal population screen such as PHQ-2, PHQ-9 or AUDIT-C.", "'Population screen' for universal screening; 'eligibility triage' for admission checks."),
        new("level of care", TermCategory.Coding, "A placement such as an ASAM or LOCUS level.", "Acuity or risk tier.", "'Level of care' for behavioral health placement; 'risk tier' for population health."),
        new("medical necessity", TermCategory.Contracts, "The criteria a service must meet, often tied to authorization.", "The justification for a service or test.", "Keep both meanings and always name the payer whose criteria apply."),
        new("release of information", TermCategory.Records, "Written consent to disclose, especially for substance use records under 42 CFR Part 2.", "Sharing for treatment, payment and operations happens under HIPAA without a separate authorization.", "Record a consent status for each person and each kind of record."),
        new("psychotherapy notes", TermCategory.Records, "Notes kept apart from the record, with stronger protection.", "Everything goes in the shared chart.", "'Restricted note': kept out of the shared record."),
        new("recovery", TermCategory.PeopleServed, "A person-defined, strengths-based journey toward a full life.", "Treatment that controls or resolves a disease.", "Goals in the person's own words, alongside clinical targets."),
        new("peer support specialist", TermCategory.Roles, "A person with lived experience who supports others in recovery.", "Closest role: community health worker or navigator.", "Name both roles explicitly; their scope and billing differ."),
        new("behavioral health consultant", TermCategory.Roles, "A clinician who sees people briefly, often the same day, in the primary care clinic.", "Often just 'the counselor' or 'the therapist'.", "'Behavioral health consultant' for brief same-day work; 'therapist' for scheduled therapy; 'care manager' for collaborative care."),
        new("psychiatric consultant", TermCategory.Roles, "Closest: the treating psychiatrist.", "A psychiatrist who advises the primary care provider and may never see the person.", "Say whether the psychiatrist treats or advises; it decides who prescribes."),
        new("referral", TermCategory.Procedures, "A formal pathway into intake, sometimes with a waiting list.", "An order to a specialist; the loop is expected to close.", "A referral with a status: sent, accepted, scheduled, seen, closed."),
        new("warm handoff", TermCategory.Procedures, "A real-time introduction to a behavioral health clinician during the visit.", "Sometimes confused with a curbside consult between clinicians.", "Warm handoff: the person is introduced in person. Curbside consult: clinicians talk without the person. Count them separately."),
        new("co-occurring disorders", TermCategory.Coding, "Mental health and substance use disorders together.", "Comorbidity: several medical conditions together.", "'Co-occurring' for mental health with substance use; 'medical comorbidity' for physical conditions."),
        new("serious mental illness", TermCategory.PeopleServed, "A defined diagnosis with functional impairment (SMI, SPMI).", "Often described as complex or high-utilizing patients.", "Use the explicit eligibility criteria, not labels."),
        new("outcome measure", TermCategory.Coding, "A clinical scale such as PHQ-9, GAD-7 or a recovery scale.", "A quality measure such as blood pressure control or screening rates.", "'Clinical outcome' for scales; 'quality measure' for reported rates."),
        new("fidelity", TermCategory.Management, "Adherence to an evidence-based model such as ACT or IPS.", "Protocol adherence or standard work.", "'Fidelity' for evidence-based models; 'protocol adherence' for local protocols."),
        new("safety plan", TermCategory.Procedures, "A written plan with a person at risk of suicide: warning signs, coping steps, contacts.", "An emergency plan or urgent-care protocol.", "'Safety plan' for suicide risk; 'emergency protocol' for the clinic's response."),
        new("productivity", TermCategory.Management, "The share of hours that are billable.", "Visits per day or relative value units.", "Report both measures by name; they are not comparable."),
        new("no-show", TermCategory.Procedures, "A missed session, often a sign of disengagement needing outreach.", "A missed appointment handled by recall.", "'Missed appointment', with the outreach status."),
        new("registry", TermCategory.Records, "The list used to track a collaborative care caseload.", "A population list for a chronic condition.", "A registry, always tagged with the condition or program it tracks."),
        new("diagnosis", TermCategory.Coding, "Described in DSM-5-TR terms.", "Coded in ICD-10-CM.", "ICD-10-CM codes for billing and data; DSM as the clinical reference."),
    ];
}
