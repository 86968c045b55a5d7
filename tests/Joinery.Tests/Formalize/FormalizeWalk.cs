using Joinery.Core.Decisions;
using Joinery.Core.Formalize;
using Joinery.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Formalize;

public sealed class FormalizeWalk : IWalkContribution
{
    /// <summary>Formalize in the victim partnership: a service, a cost item, and an MOU with a PDF attached.</summary>
    public Task<Dictionary<string, string>> RecordsAsync(JoineryApp app, SeededPartnership victim) =>
        app.ActingAsAsync(victim.Steward, async services =>
        {
            var service = await services.GetRequiredService<ServicesWork>().CreateAsync(victim.Id,
                new ServiceInput("Consults", "", victim.Partners[0].ToString(), victim.Partners[1].ToString(), "", ["medicaid"], "contract", false, null, null));
            var kept = await services.GetRequiredService<ServicesWork>().CreateAsync(victim.Id,
                new ServiceInput("Care coordination", "", victim.Partners[1].ToString(), victim.Partners[1].ToString(), "", ["medicaid"], "direct", false, null, null));
            var lent = await services.GetRequiredService<DecisionsWork>().AddContributionAsync(victim.Id,
                new ContributionInput(victim.Partners[0].ToString(), "staff-fte", "Consultant one day a week", "12000", "0.2", null, null));
            var cost = await services.GetRequiredService<FinancesWork>().AddAsync(victim.Id,
                new CostItemInput("space", "Consult room", victim.Partners[1].ToString(), "400", "monthly", null, null, lent.Value.ToString()));
            var mou = await services.GetRequiredService<RecordAgreement>().RunAsync(victim.Id, new AgreementInput("mou", "Memorandum of understanding", "draft"));
            var document = await services.GetRequiredService<AttachAgreementDocument>().RunAsync(victim.Id, mou.Value, "mou.pdf", "%PDF-1.4\n%%EOF\n"u8.ToArray());
            var signatory = await services.GetRequiredService<AddSignatory>().RunAsync(victim.Id, mou.Value,
                new SignatoryInput("Dana Example", "Director", victim.Partners[0], null));
            lent.Succeeded.ShouldBeTrue(lent.FirstError);
            foreach (var outcome in new[] { service, kept, cost, mou, document, signatory })
            {
                outcome.Succeeded.ShouldBeTrue(outcome.FirstError);
            }
            return new Dictionary<string, string>
            {
                ["serviceId"] = service.Value.ToString(),
                ["edit"] = service.Value.ToString(),
                ["costItemId"] = cost.Value.ToString(),
                ["paidContributionId"] = lent.Value.ToString(),
                ["agreementId"] = mou.Value.ToString(),
                ["service"] = kept.Value.ToString(),
                ["signatoryId"] = signatory.Value.ToString(),
            };
        });

    public Dictionary<string, string> FormFields(string page, SeededPartnership victim, Dictionary<string, string> records) => page switch
    {
        "/Formalize/Services" => new()
        {
            ["Input.Name"] = "Care management",
            ["Input.DeliveredBy"] = victim.Partners[0].ToString(),
            ["Input.BilledBy"] = victim.Partners[0].ToString(),
            ["Input.Scope"] = "referral",
        },
        "/Formalize/Finances" => new()
        {
            ["Input.Category"] = "training",
            ["Input.Description"] = "Warm handoff training",
            ["Input.Organization"] = victim.Partners[0].ToString(),
            ["Input.Amount"] = "1200.50",
            ["Input.Period"] = "one-off",
            ["Input.Contribution"] = records["paidContributionId"],
        },
        "/Formalize/Agreements" or "/Formalize/Agreement" => new()
        {
            ["Input.Type"] = "baa",
            ["Input.Title"] = "Business associate agreement",
            ["Input.Status"] = "in-review",
            ["Input.Parties"] = victim.Partners[0].ToString(),
            ["Signatory.Name"] = "Dana Example",
            ["Signatory.Organization"] = victim.Partners[0].ToString(),
            ["Element.Code"] = "parties",
            ["Element.Done"] = "true",
            ["Element.Note"] = "Covered in the recitals.",
            ["SignedOn"] = "2026-01-15",
        },
        _ => [],
    };
}
