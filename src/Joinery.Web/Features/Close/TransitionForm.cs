using System.Globalization;
using Joinery.Core.Close;
using Joinery.Web.Features.Launch;

namespace Joinery.Web.Features.Close;

public sealed class TransitionForm
{
    public string? ContinuedBy { get; set; }
    public string? ContinuingProvider { get; set; }
    public string? HowTold { get; set; }
    public string? RecordsKeptBy { get; set; }
    public string? Records { get; set; }
    public string? PeopleServed { get; set; }
    public string? Owner { get; set; }
    public string? DueOn { get; set; }
    public string? CareHandedOverOn { get; set; }
    public string? PeopleToldOn { get; set; }
    public string? RecordsSettledOn { get; set; }

    public TransitionInput ToInput() => new(ContinuedBy, ContinuingProvider, HowTold, RecordsKeptBy, Records, PeopleServed, Owner, DueOn,
        CareHandedOverOn, PeopleToldOn, RecordsSettledOn);

    public static TransitionForm From(TransitionView t) => new()
    {
        ContinuedBy = t.ContinuingOrganizationId?.ToString(),
        ContinuingProvider = t.ContinuingProvider,
        HowTold = t.HowTold,
        RecordsKeptBy = t.RecordsKeptById?.ToString(),
        Records = t.Records,
        PeopleServed = t.PeopleServed?.ToString(CultureInfo.InvariantCulture),
        Owner = t.OwnerUserId?.ToString(),
        DueOn = Dates.Iso(t.DueOn),
        CareHandedOverOn = Dates.Iso(t.CareHandedOverOn),
        PeopleToldOn = Dates.Iso(t.PeopleToldOn),
        RecordsSettledOn = Dates.Iso(t.RecordsSettledOn),
    };
}
