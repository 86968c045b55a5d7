using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Decisions;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Formalize;

/// <summary>What a person supplies for a cost item; <paramref name="Contribution"/> is the id of the contribution it pays for, if any.</summary>
public sealed record CostItemInput(string? Category, string? Description, string? Organization, string? Amount, string? Period, string? FromMonth, string? ToMonth,
    string? Contribution = null);

/// <summary>The contribution a cost item pays for, as both pages show it.</summary>
public sealed record PaidContribution(Guid ContributionId, string Description, Guid OrganizationId, string OrganizationName, decimal Value);

public sealed record CostItemView(Guid Id, CostCategory Category, string Description, Guid OrganizationId, string OrganizationName, decimal Amount, CostPeriod Period,
    DateOnly? FromMonth, DateOnly? ToMonth, decimal Annual, string RecordedBy, PaidContribution? PaysFor = null);

/// <summary>
/// One partner's stake: the costs it pays (per year; one-off costs once) and the contributions ledger of step 4.
/// A contribution that a cost item pays for is counted once, as that cost of the partner who pays;
/// <paramref name="ContributionsPaidByCosts"/> is what was left out of this partner's contributions for that reason.
/// </summary>
public sealed record FinanceStake(Guid OrganizationId, string OrganizationName, decimal AnnualCosts, decimal OneOffCosts, decimal Contributions, decimal Total, double Share,
    decimal ContributionsPaidByCosts = 0);

/// <summary>The cost items, each partner's stake, and the contributions a new cost item may say it pays for.</summary>
public sealed record FinancesView(IReadOnlyList<CostItemView> Items, IReadOnlyList<FinanceStake> Totals, bool CanRecord, IReadOnlyList<PaidContribution> Contributions);

/// <summary>Formalize: the costs of the partnership and each partner's stake, combining costs with the contributions ledger.</summary>
public sealed class FinancesWork(JoineryDb db, DecisionsWork decisions)
{
    private const string ViewerMessage = "Viewers read the finances; members record them.";

    /// <summary>Yearly amount of a cost: monthly times twelve, yearly as is, one-off not counted (it is shown apart).</summary>
    public static decimal Annualised(decimal amount, CostPeriod period) => period switch
    {
        CostPeriod.Monthly => amount * 12,
        CostPeriod.Yearly => amount,
        _ => 0,
    };

    public async Task<FinancesView?> GetAsync(Guid partnershipId, CancellationToken cancellationToken = default)
    {
        var contributions = await decisions.ContributionsAsync(partnershipId, cancellationToken);
        if (contributions is null)
        {
            return null;
        }
        var partners = await ServicesWork.PartnersAsync(db, partnershipId, cancellationToken);
        var items = await (from c in db.Set<CostItem>().AsNoTracking()
                           join o in db.Organizations on c.OrganizationId equals o.Id
                           join u in db.Users on c.RecordedByUserId equals u.Id
                           where c.PartnershipId == partnershipId
                           select new { c, o.Name, u.DisplayName }).ToListAsync(cancellationToken);
        var ledger = contributions.Items.ToDictionary(c => c.Id);
        PaidContribution? PaysFor(Guid? contributionId) => contributionId is { } cid && ledger.TryGetValue(cid, out var c)
            ? new PaidContribution(c.Id, c.Description, c.OrganizationId, c.OrganizationName, c.Value)
            : null;
        var views = items.Select(i => new CostItemView(i.c.Id, i.c.Category, i.c.Description, i.c.OrganizationId, i.Name, i.c.Amount, i.c.Period,
                i.c.FromMonth, i.c.ToMonth, Annualised(i.c.Amount, i.c.Period), i.DisplayName, PaysFor(i.c.ContributionId)))
            .OrderBy(i => i.OrganizationName, StringComparer.Ordinal).ThenBy(i => i.Category).ThenBy(i => i.Description, StringComparer.Ordinal).ToList();
        var paid = views.Where(v => v.PaysFor is not null).Select(v => v.PaysFor!.ContributionId).ToHashSet();
        var stakes = partners.Select(p =>
        {
            var own = views.Where(v => v.OrganizationId == p.OrganizationId).ToList();
            var annual = own.Sum(v => v.Annual);
            var oneOff = own.Where(v => v.Period == CostPeriod.OneOff).Sum(v => v.Amount);
            // The payer's cost is what changes hands; the contribution it pays for would count the same consultant twice.
            var ledgerValue = contributions.Items.Where(c => c.OrganizationId == p.OrganizationId).Sum(c => c.Value);
            var paidByCosts = contributions.Items.Where(c => c.OrganizationId == p.OrganizationId && paid.Contains(c.Id)).Sum(c => c.Value);
            var given = ledgerValue - paidByCosts;
            return (p, annual, oneOff, given, paidByCosts, total: annual + oneOff + given);
        }).ToList();
        var all = stakes.Sum(s => s.total);
        return new FinancesView(views,
            stakes.Select(s => new FinanceStake(s.p.OrganizationId, s.p.Name, s.annual, s.oneOff, s.given, s.total, all == 0 ? 0 : (double)(s.total / all), s.paidByCosts)).ToList(),
            contributions.CanRecord, ledger.Values.Select(c => new PaidContribution(c.Id, c.Description, c.OrganizationId, c.OrganizationName, c.Value)).ToList());
    }

    public async Task<Outcome<Guid>> AddAsync(Guid partnershipId, CostItemInput input, CancellationToken cancellationToken = default)
    {
        var refusal = await db.RefuseWriteAsync(partnershipId, ViewerMessage, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var check = new Validation();
        var category = check.Choice<CostCategory>("category", "a category", input.Category);
        var description = check.Text("description", "a description", input.Description, CostItem.DescriptionMax);
        var partners = await ServicesWork.PartnersAsync(db, partnershipId, cancellationToken);
        if (!Guid.TryParse(input.Organization, out var organizationId) || partners.All(p => p.OrganizationId != organizationId))
        {
            check.Add("organization", "Choose the partner that pays.");
        }
        var amount = check.Number("amount", "the amount in dollars and cents", input.Amount, 0.01m, 100_000_000m);
        var period = check.Choice<CostPeriod>("period", "how often it is paid", input.Period);
        var from = check.Month("fromMonth", "the first month", input.FromMonth, required: false);
        var to = check.Month("toMonth", "the last month", input.ToMonth, required: false);
        if (from is { } f && to is { } t && t < f)
        {
            check.Add("toMonth", "The last month must be on or after the first.");
        }
        var contributionId = await ContributionAsync(check, partnershipId, input.Contribution, cancellationToken);
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        var item = new CostItem
        {
            PartnershipId = partnershipId,
            Category = category!.Value,
            Description = description,
            OrganizationId = organizationId,
            Amount = amount!.Value,
            Period = period!.Value,
            FromMonth = from,
            ToMonth = to,
            ContributionId = contributionId,
            RecordedByUserId = db.Tenancy.UserId!.Value,
            RecordedAt = db.Now,
        };
        db.Set<CostItem>().Add(item);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(item.Id);
    }

    public async Task<Outcome<Guid>> DeleteAsync(Guid partnershipId, Guid itemId, CancellationToken cancellationToken = default)
    {
        var refusal = await db.RefuseWriteAsync(partnershipId, ViewerMessage, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var item = await db.Set<CostItem>().FirstOrDefaultAsync(c => c.Id == itemId && c.PartnershipId == partnershipId, cancellationToken);
        if (item is null)
        {
            return Outcome<Guid>.NotFound("No such cost item.");
        }
        db.Set<CostItem>().Remove(item);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(itemId);
    }

    /// <summary>The contribution a cost pays for: empty means none; otherwise it must be one of this partnership's.</summary>
    private async Task<Guid?> ContributionAsync(Validation check, Guid partnershipId, string? text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (Guid.TryParse(text, out var id) && await db.Set<Contribution>().AnyAsync(c => c.Id == id && c.PartnershipId == partnershipId, cancellationToken))
        {
            return id;
        }
        check.Add("contribution", "There is no such contribution in this partnership's ledger; choose one from the list or none.");
        return null;
    }

    /// <summary>For the contributions ledger: which contributions a cost item pays for, and whose cost it is.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> PaidContributionsAsync(Guid partnershipId, CancellationToken cancellationToken = default)
    {
        var rows = await (from c in db.Set<CostItem>().AsNoTracking()
                          join o in db.Organizations on c.OrganizationId equals o.Id
                          where c.PartnershipId == partnershipId && c.ContributionId != null
                          select new { Id = c.ContributionId!.Value, o.Name, c.Description }).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => string.Join("; ", g.Select(r => $"{r.Name}: {r.Description}")));
    }
}
