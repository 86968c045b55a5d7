namespace Joinery.Core.Common;

/// <summary>Which front door a change came through; recorded in the audit trail.</summary>
public enum Door { Web, Api, Cli }

/// <summary>A row that belongs to one partnership. The data context filters every such row by
/// the partnerships the current person is a member of (see <see cref="Tenancy"/>).</summary>
public interface IPartnershipOwned
{
    Guid PartnershipId { get; }
}

/// <summary>
/// Who is acting, through which door, and which partnerships they may see. Filled once per
/// request (web) or per command (CLI); the data context's query filters read it, so no page
/// or endpoint has to remember to filter by partnership.
/// </summary>
public sealed class Tenancy
{
    private readonly HashSet<Guid> _partnershipIds = [];

    public Guid? UserId { get; private set; }
    public Guid? OrganizationId { get; private set; }
    public Door Door { get; set; } = Door.Web;
    public bool IsSiteAdmin { get; private set; }

    /// <summary>True only for the CLI and site-administration work, which act across partnerships.</summary>
    public bool Unrestricted { get; private set; }

    /// <summary>The partnerships the current person belongs to, as an array the query filter can parameterise.</summary>
    public Guid[] PartnershipIds { get; private set; } = [];

    public void SignIn(Guid userId, Guid organizationId, bool isSiteAdmin, IEnumerable<Guid> partnershipIds)
    {
        UserId = userId;
        OrganizationId = organizationId;
        IsSiteAdmin = isSiteAdmin;
        _partnershipIds.Clear();
        _partnershipIds.UnionWith(partnershipIds);
        PartnershipIds = [.. _partnershipIds];
    }

    /// <summary>The person just joined or created a partnership within this request.</summary>
    public void Grant(Guid partnershipId)
    {
        if (_partnershipIds.Add(partnershipId))
        {
            PartnershipIds = [.. _partnershipIds];
        }
    }

    public void Revoke(Guid partnershipId)
    {
        if (_partnershipIds.Remove(partnershipId))
        {
            PartnershipIds = [.. _partnershipIds];
        }
    }

    public bool CanSee(Guid partnershipId) => Unrestricted || _partnershipIds.Contains(partnershipId);

    /// <summary>Lifts the partnership filter for the rest of this scope: CLI commands and site administration.</summary>
    public void ActAcrossPartnerships() => Unrestricted = true;
}
