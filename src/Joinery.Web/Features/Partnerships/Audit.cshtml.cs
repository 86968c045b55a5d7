using System.Globalization;
using CsvHelper;
using Joinery.Core.Audit;
using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Web.Features.Shared;
using Joinery.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Joinery.Web.Features.Partnerships;

/// <summary>Stewards read, filter and export the partnership's audit trail.</summary>
[InNavigation(NavGroup.Audit, 1, "Audit trail", "/audit", ShownTo = NavAudience.Stewards)]
public sealed class AuditModel(JoineryDb db, AuditTrail trail) : PartnershipPage(db)
{
    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Door { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    /// <summary>Paging back: show entries numbered below this one.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    /// <summary>Entries on one page.</summary>
    public const int PageSize = 50;

    /// <summary>Whether there are older entries than this page shows.</summary>
    public bool HasOlder { get; private set; }

    /// <summary>The query of this page with <paramref name="before"/> for paging (the filters kept).</summary>
    public string PageLink(long? before) =>
        $"/partnerships/{Partnership.Id}/audit?" + string.Join('&', new (string Key, string? Value)[]
        {
            ("action", Action), ("door", Door), ("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("before", before?.ToString(CultureInfo.InvariantCulture)),
        }.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));

    public List<AuditRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "audit", cancellationToken))
        {
            return NotFound();
        }
        var outcome = await QueryAsync(id, PageSize + 1, cancellationToken);
        if (outcome.Status == OutcomeStatus.Forbidden)
        {
            return Forbid();
        }
        Rows = outcome.Value ?? [];
        HasOlder = Rows.Count > PageSize;
        Rows = Rows.Take(PageSize).ToList();
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadPartnershipAsync(id, "audit", cancellationToken))
        {
            return NotFound();
        }
        Before = null;
        var outcome = await QueryAsync(id, AuditTrail.MaxLimit, cancellationToken);
        if (outcome.Status == OutcomeStatus.Forbidden)
        {
            return Forbid();
        }
        if (!outcome.Succeeded)
        {
            return Page();
        }
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        // Field by field: CsvHelper 34 writes whole records only for [CsvRecord] types its source
        // generator knows, so anonymous types fail at run time. Names are escaped so a spreadsheet
        // never runs one as a formula.
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { Injection = CsvInjection.Escape }, true))
        {
            csv.WriteHeader(["Id", "At", "UserId", "UserName", "OrganizationName", "Action", "What", "EntityType", "EntityId", "Door", "Detail"]);
            foreach (var r in outcome.Value!)
            {
                csv.WriteField(r.Id.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(r.At.ToString("O", CultureInfo.InvariantCulture));
                csv.WriteField(r.UserId?.ToString() ?? "");
                csv.WriteField(r.UserName ?? "");
                csv.WriteField(r.OrganizationName ?? "");
                csv.WriteField(r.Action);
                csv.WriteField(AuditWords.Action(r.Action));
                csv.WriteField(r.EntityType);
                csv.WriteField(r.EntityId);
                csv.WriteField(r.Door.ToText());
                csv.WriteField(r.Detail);
                csv.EndRecord();
            }
        }
        return File(System.Text.Encoding.UTF8.GetBytes(text.ToString()), "text/csv", $"audit-{id}.csv");
    }

    private async Task<Outcome<List<AuditRow>>> QueryAsync(Guid id, int limit, CancellationToken cancellationToken)
    {
        Door? door = null;
        if (!string.IsNullOrWhiteSpace(Door))
        {
            if (EnumText.TryParse<Door>(Door, out var parsed))
            {
                door = parsed;
            }
            else
            {
                ModelState.AddModelError("door", "Choose web, api or cli.");
            }
        }
        if (!ModelState.IsValid)
        {
            ModelState.AddModelError("", "Some filters were not understood and were ignored.");
        }
        var outcome = await trail.ForPartnershipAsync(id, new AuditFilter(Action, null, door, From, To, limit, Before), cancellationToken);
        if (outcome.Status == OutcomeStatus.Invalid)
        {
            ModelState.AddOutcome(outcome, "");
        }
        return outcome;
    }
}
