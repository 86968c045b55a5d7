using Joinery.Core.Common;

namespace Joinery.Core.Formalize;

/// <summary>
/// Which agreements the partnership needs follows from its services: every partnership an MOU, Part 2
/// services Part 2 terms (a QSOA), a business-associate function a BAA. A draft for legal review, not legal advice.
/// </summary>
public static class RequiredAgreements
{
    public static List<RequiredAgreement> For(IReadOnlyList<ServiceView> services, IReadOnlyList<AgreementSummary> agreements)
    {
        RequiredAgreement Need(AgreementType type, string reason, IReadOnlyList<string> names)
        {
            var candidates = agreements.Where(a => a.Type == type && a.Status is not AgreementStatus.Terminated).ToList();
            var best = candidates.FirstOrDefault(a => a.InForce) ?? candidates.FirstOrDefault();
            return new RequiredAgreement(type, reason, names, best?.Id, best?.Status, best?.InForce == true);
        }
        var required = new List<RequiredAgreement>
        {
            Need(AgreementType.Mou, "Every partnership needs a memorandum of understanding that sets out who does what.", []),
        };
        var part2 = services.Where(s => s.InvolvesPart2).Select(s => s.Name).ToList();
        if (part2.Count > 0)
        {
            required.Add(Need(AgreementType.Qsoa,
                $"Substance use disorder records covered by 42 CFR Part 2 are involved in: {string.Join(", ", part2)}. Part 2 terms (a QSOA) are needed.", part2));
        }
        var associate = services.Where(s => s.IsAssociateFunction).ToList();
        if (associate.Count > 0)
        {
            required.Add(Need(AgreementType.Baa,
                "One partner handles health information on the other's behalf in: "
                + string.Join(", ", associate.Select(s => $"{s.Name} ({s.AssociateOrganization}, {s.AssociateFunction.LowerWords()})"))
                + ". A business associate agreement is needed.", associate.Select(s => s.Name).ToList()));
        }
        return required;
    }

    /// <summary>"MOU, QSOA (Part 2 terms)".</summary>
    public static string Names(IEnumerable<RequiredAgreement> required) => string.Join(", ", required.Select(r => r.Type.Label()));
}
