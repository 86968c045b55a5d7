using System.Text;
using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Measures;
using Joinery.Core.Partnerships;
using Joinery.Web.Features.Partnerships;
using Joinery.Web.Features.Shared;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Features.Measures;

/// <summary>Takes a CSV import of points, so its posts may be as large as the file plus the form around it.</summary>
[UploadLimit(MeasuresCsv.MaxBytes)]
public sealed class DetailsModel(JoineryDb db, MeasuresWork measures) : PartnershipPage(db)
{
    public MeasureDetails Details { get; private set; } = null!;
    public MeasureChart Chart { get; private set; } = null!;
    public IReadOnlyList<MemberView> Members => Partnership.Members;

    [BindProperty(SupportsGet = true, Name = "chart")]
    public string? ChartType { get; set; }

    [BindProperty]
    public MeasureForm Input { get; set; } = new();

    [BindProperty]
    public PointForm Point { get; set; } = new();

    [BindProperty]
    public BaselineForm Baseline { get; set; } = new();

    [BindProperty]
    public FlagForm Flag { get; set; } = new();

    [BindProperty]
    public CycleForm Cycle { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, Guid measureId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, measureId, cancellationToken))
        {
            return NotFound();
        }
        Input = MeasureForm.From(Details);
        Baseline = new BaselineForm { From = Details.BaselineFrom, To = Details.BaselineTo };
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(Guid id, Guid measureId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, measureId, cancellationToken))
        {
            return NotFound();
        }
        return File(Encoding.UTF8.GetBytes(MeasuresCsv.Write(Chart.Points)), "text/csv; charset=utf-8", "measure-data.csv");
    }

    public async Task<IActionResult> OnPostPointAsync(Guid id, Guid measureId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, measureId, cancellationToken))
        {
            return NotFound();
        }
        var outcome = await measures.RecordPointAsync(id, measureId, new PointInput(Point.Period, Point.Numerator, Point.Denominator, Point.Value, Point.Note), cancellationToken);
        return Respond(outcome, created => created ? $"Data for {Shown.Month(Point.Period)} recorded." : $"Data for {Shown.Month(Point.Period)} corrected.", "Point");
    }

    public async Task<IActionResult> OnPostImportAsync(Guid id, Guid measureId, IFormFile? file, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, measureId, cancellationToken))
        {
            return NotFound();
        }
        var content = await ReadUploadAsync(file, MeasuresCsv.MaxBytes, cancellationToken);
        if (content is null)
        {
            return Page();
        }
        var (rows, error) = MeasuresCsv.Read(content);
        if (error is not null)
        {
            ModelState.AddModelError("file", error);
            return Page();
        }
        return RespondToImport(await measures.ImportAsync(id, measureId, rows, cancellationToken), r => $"Imported: {r.Added} months added, {r.Updated} corrected.");
    }

    public async Task<IActionResult> OnPostFlagAsync(Guid id, Guid measureId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, measureId, cancellationToken))
        {
            return NotFound();
        }
        var outcome = await measures.FlagAsync(id, measureId, Flag.Period, Flag.Astronomical, Flag.Note, cancellationToken);
        return Respond(outcome, _ => Flag.Astronomical ? $"{Shown.Month(Flag.Period)} is flagged as astronomical." : $"{Shown.Month(Flag.Period)} is no longer flagged.", "Flag");
    }

    public async Task<IActionResult> OnPostBaselineAsync(Guid id, Guid measureId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, measureId, cancellationToken))
        {
            return NotFound();
        }
        var outcome = await measures.SetBaselineAsync(id, measureId, new BaselineInput(Baseline.From, Baseline.To, Baseline.Value), cancellationToken);
        return Respond(outcome, value => $"Baseline set at {MeasuresWork.Format(value, Details.Unit)}. The chart's centre line is frozen there.", "Baseline");
    }

    public async Task<IActionResult> OnPostCycleAsync(Guid id, Guid measureId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, measureId, cancellationToken))
        {
            return NotFound();
        }
        var outcome = await measures.SaveCycleAsync(id, measureId, null, Cycle.ToInput(), cancellationToken);
        return Respond(outcome, _ => "The improvement cycle is recorded and shown on the chart.", "Cycle");
    }

    public async Task<IActionResult> OnPostEditAsync(Guid id, Guid measureId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, measureId, cancellationToken))
        {
            return NotFound();
        }
        var outcome = await measures.UpdateAsync(id, measureId, Input.ToInput(), cancellationToken);
        return Respond(outcome, _ => "The measure is saved.");
    }

    private async Task<bool> LoadAsync(Guid id, Guid measureId, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "measures", cancellationToken))
        {
            return false;
        }
        var details = await measures.GetAsync(id, measureId, cancellationToken);
        if (details is null)
        {
            return false;
        }
        Details = details;
        var type = EnumText.TryParse<ChartType>(ChartType, out var parsed) ? parsed : Core.Measures.ChartType.Run;
        Chart = (await measures.ChartAsync(id, measureId, type, cancellationToken))!;
        return true;
    }

    public sealed class PointForm
    {
        public string? Period { get; set; }
        public string? Numerator { get; set; }
        public string? Denominator { get; set; }
        public string? Value { get; set; }
        public string? Note { get; set; }
    }

    public sealed class BaselineForm
    {
        public string? From { get; set; }
        public string? To { get; set; }
        public string? Value { get; set; }
    }

    public sealed class FlagForm
    {
        public string? Period { get; set; }
        public bool Astronomical { get; set; } = true;
        public string? Note { get; set; }
    }
}
