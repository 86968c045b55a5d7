using System.Globalization;
using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Expectations;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Measures;

public sealed record MeasureInput(string? Name, string? WhyItMatters, string? Type, string? Kind, string? Unit, string? Numerator, string? Denominator,
    string? DataSource, string? Owner, string? BetterDirection, string? Target, string? Frequency);

/// <summary>One period's data: numerator and denominator for a proportion, value for a value measure.</summary>
public sealed record PointInput(string? Period, string? Numerator, string? Denominator, string? Value, string? Note);

public sealed record BaselineInput(string? From, string? To, string? Value);

public sealed record CycleInput(string? Title, string? Plan, string? Prediction, string? Do, string? Study, string? Act, string? NextStep, string? StartedOn, string? EndedOn);

public sealed record MeasureSummary(Guid Id, string Name, MeasureType Type, MeasureKind Kind, string Unit, BetterDirection BetterDirection, double? Target,
    ReportingFrequency Frequency, double? Baseline, string? LatestPeriod, double? LatestValue, int Points, string? Owner, int UnfavourableSignals);

public sealed record CycleView(Guid Id, string Title, string Plan, string Prediction, string Do, string Study, CycleAct? Act, string NextStep,
    DateOnly StartedOn, DateOnly? EndedOn, string CreatedBy);

public sealed record MeasureDetails(Guid Id, string Name, string WhyItMatters, MeasureType Type, MeasureKind Kind, string Unit, string Numerator, string Denominator,
    string DataSource, Guid? OwnerUserId, string? Owner, BetterDirection BetterDirection, double? Target, ReportingFrequency Frequency,
    string? BaselineFrom, string? BaselineTo, double? Baseline, IReadOnlyList<CycleView> Cycles, bool CanEdit)
{
    /// <summary>The agreed expectations (step 5) this measure shows.</summary>
    public IReadOnlyList<LinkedExpectation> Expectations { get; init; } = [];
}

/// <summary>
/// Step 8, measured outcomes: the measures the partners agreed, their data by month (entered,
/// posted or imported all-or-nothing), a baseline that freezes the chart's centre line, run and
/// Shewhart charts with the rules of frameworks.md §7, and the improvement cycles tested on them.
/// </summary>
public sealed class MeasuresWork(JoineryDb db)
{
    private const string ViewerMessage = "Viewers read the measures; members record them.";

    public async Task<List<MeasureSummary>?> ListAsync(Guid partnershipId, CancellationToken cancellationToken = default)
    {
        if (!await db.CanSeePartnershipAsync(partnershipId, cancellationToken))
        {
            return null;
        }
        var measures = await db.Set<Measure>().AsNoTracking().Where(m => m.PartnershipId == partnershipId).OrderBy(m => m.Name).ToListAsync(cancellationToken);
        var points = (await db.Set<MeasurePoint>().AsNoTracking().Where(p => p.PartnershipId == partnershipId).ToListAsync(cancellationToken))
            .ToLookup(p => p.MeasureId);
        var owners = await OwnerNamesAsync(measures.Select(m => m.OwnerUserId), cancellationToken);
        return measures.Select(m =>
        {
            var own = points[m.Id].OrderBy(p => p.Period).ToList();
            var chart = MeasureCharts.Build(m, own, []);
            return new MeasureSummary(m.Id, m.Name, m.Type, m.Kind, m.Unit, m.BetterDirection, m.Target, m.Frequency, m.BaselineValue,
                own.Count > 0 ? MeasureCharts.PeriodText(own[^1].Period) : null, own.Count > 0 ? own[^1].Value : null, own.Count,
                m.OwnerUserId is { } o ? owners.GetValueOrDefault(o) : null, chart.Signals.Count(s => s.Favourable == false));
        }).ToList();
    }

    public async Task<MeasureDetails?> GetAsync(Guid partnershipId, Guid measureId, CancellationToken cancellationToken = default)
    {
        if (!await db.CanSeePartnershipAsync(partnershipId, cancellationToken)
            || await db.SharedViewAsync(partnershipId, (nameof(MeasureDetails), measureId), () => LoadDetailsAsync(partnershipId, measureId, cancellationToken)) is not { } shared)
        {
            return null;
        }
        var me = await db.MyMembershipAsync(partnershipId, cancellationToken);
        return shared with { CanEdit = me is not null && me.Role != MemberRole.Viewer };
    }

    private async Task<MeasureDetails?> LoadDetailsAsync(Guid partnershipId, Guid measureId, CancellationToken cancellationToken)
    {
        var m = await db.Set<Measure>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == measureId && x.PartnershipId == partnershipId, cancellationToken);
        if (m is null)
        {
            return null;
        }
        var cycles = await (from c in db.Set<ImprovementCycle>().AsNoTracking()
                            join u in db.Users on c.CreatedByUserId equals u.Id
                            where c.MeasureId == measureId && c.PartnershipId == partnershipId
                            orderby c.StartedOn
                            select new CycleView(c.Id, c.Title, c.Plan, c.Prediction, c.Do, c.Study, c.Act, c.NextStep, c.StartedOn, c.EndedOn, u.DisplayName))
            .ToListAsync(cancellationToken);
        var owners = await OwnerNamesAsync([m.OwnerUserId], cancellationToken);
        return new MeasureDetails(m.Id, m.Name, m.WhyItMatters, m.Type, m.Kind, m.Unit, m.Numerator, m.Denominator, m.DataSource, m.OwnerUserId,
            m.OwnerUserId is { } o ? owners.GetValueOrDefault(o) : null, m.BetterDirection, m.Target, m.Frequency,
            m.BaselineFrom is { } f ? MeasureCharts.PeriodText(f) : null, m.BaselineTo is { } t ? MeasureCharts.PeriodText(t) : null, m.BaselineValue,
            cycles, CanEdit: false)
        {
            Expectations = await db.Set<AgreedExpectation>().AsNoTracking().Where(a => a.PartnershipId == partnershipId && a.MeasureId == measureId)
                .OrderBy(a => a.CreatedAt).Select(a => new LinkedExpectation(a.Id, a.Statement, a.ReevaluateOn)).ToListAsync(cancellationToken),
        };
    }

    public async Task<MeasureChart?> ChartAsync(Guid partnershipId, Guid measureId, ChartType type = ChartType.Run, CancellationToken cancellationToken = default)
    {
        return await db.CanSeePartnershipAsync(partnershipId, cancellationToken)
            ? await db.SharedViewAsync(partnershipId, (nameof(MeasureChart), measureId, type), () => BuildChartAsync(partnershipId, measureId, type, cancellationToken))
            : null;
    }

    private async Task<MeasureChart?> BuildChartAsync(Guid partnershipId, Guid measureId, ChartType type, CancellationToken cancellationToken)
    {
        var m = await db.Set<Measure>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == measureId && x.PartnershipId == partnershipId, cancellationToken);
        if (m is null)
        {
            return null;
        }
        var points = await db.Set<MeasurePoint>().AsNoTracking().Where(p => p.MeasureId == measureId && p.PartnershipId == partnershipId)
            .OrderBy(p => p.Period).ToListAsync(cancellationToken);
        var cycles = await db.Set<ImprovementCycle>().AsNoTracking().Where(c => c.MeasureId == measureId && c.PartnershipId == partnershipId).ToListAsync(cancellationToken);
        return MeasureCharts.Build(m, points, cycles, type);
    }

    /// <summary>Every measure's run chart, for the health view: one query per table, not per measure.</summary>
    public async Task<List<(Measure Measure, MeasureChart Chart)>> ChartsAsync(Guid partnershipId, CancellationToken cancellationToken = default)
    {
        var measures = await db.Set<Measure>().AsNoTracking().Where(m => m.PartnershipId == partnershipId).OrderBy(m => m.Name).ToListAsync(cancellationToken);
        var points = (await db.Set<MeasurePoint>().AsNoTracking().Where(p => p.PartnershipId == partnershipId).ToListAsync(cancellationToken)).ToLookup(p => p.MeasureId);
        return measures.Select(m => (m, MeasureCharts.Build(m, points[m.Id].ToList(), []))).ToList();
    }

    public async Task<Outcome<Guid>> CreateAsync(Guid partnershipId, MeasureInput input, CancellationToken cancellationToken = default)
    {
        var refusal = await db.RefuseWriteAsync(partnershipId, ViewerMessage, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var check = new Validation();
        var f = await ValidateAsync(check, partnershipId, input, cancellationToken);
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        var measure = new Measure { PartnershipId = partnershipId, Name = f.Name, CreatedAt = db.Now };
        Apply(measure, f);
        db.Set<Measure>().Add(measure);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(measure.Id);
    }

    /// <summary>Changes the definition. A measure with data keeps its kind: switching between a proportion and a value would make the points meaningless.</summary>
    public async Task<Outcome<Guid>> UpdateAsync(Guid partnershipId, Guid measureId, MeasureInput input, CancellationToken cancellationToken = default)
    {
        var refusal = await db.RefuseWriteAsync(partnershipId, ViewerMessage, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var measure = await db.Set<Measure>().FirstOrDefaultAsync(m => m.Id == measureId && m.PartnershipId == partnershipId, cancellationToken);
        if (measure is null)
        {
            return Outcome<Guid>.NotFound("No such measure.");
        }
        var check = new Validation();
        var f = await ValidateAsync(check, partnershipId, input, cancellationToken);
        if (check.IsValid && f.Kind != measure.Kind && await db.Set<MeasurePoint>().AnyAsync(p => p.MeasureId == measureId, cancellationToken))
        {
            check.Add("kind", "This measure has data; its kind cannot change. Create a new measure instead.");
        }
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        Apply(measure, f);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(measure.Id);
    }

    /// <summary>Records one period's data; a period that already has data is corrected. True when the period is new.</summary>
    public async Task<Outcome<bool>> RecordPointAsync(Guid partnershipId, Guid measureId, PointInput input, CancellationToken cancellationToken = default)
    {
        var outcome = await ImportAsync(partnershipId, measureId, [(0, input)], cancellationToken);
        return outcome.Succeeded ? Outcome<bool>.Ok(outcome.Value.Added == 1) : outcome.As<bool>();
    }

    /// <summary>Records many periods at once, all or nothing: any bad row (numbered as in the file) and nothing is saved.</summary>
    public async Task<Outcome<(int Added, int Updated)>> ImportAsync(Guid partnershipId, Guid measureId, IReadOnlyList<(int Row, PointInput Input)> rows,
        CancellationToken cancellationToken = default)
    {
        var refusal = await db.RefuseWriteAsync(partnershipId, ViewerMessage, cancellationToken);
        if (refusal is not null)
        {
            return refusal.As<(int, int)>();
        }
        var measure = await db.Set<Measure>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == measureId && m.PartnershipId == partnershipId, cancellationToken);
        if (measure is null)
        {
            return Outcome<(int, int)>.NotFound("No such measure.");
        }
        var check = new Validation();
        if (rows.Count == 0)
        {
            check.Add("file", "The file has no data rows.");
        }
        var parsed = new List<(DateOnly Period, int? Numerator, int? Denominator, double Value, string Note)>();
        var seen = new Dictionary<DateOnly, int>();
        var latest = new DateOnly(db.Now.Year, db.Now.Month, 1);
        foreach (var (row, input) in rows)
        {
            // A single point (row 0) reports errors under the field names; an import under "rowN".
            var rowCheck = new Validation();
            var period = rowCheck.Month("period", "the period", input.Period);
            if (period > latest)
            {
                rowCheck.Add("period", "The period cannot be in the future.");
            }
            int? numerator = null, denominator = null;
            double value;
            if (measure.Kind == MeasureKind.Proportion)
            {
                numerator = (int?)rowCheck.Number("numerator", "the numerator", input.Numerator, 0, 10_000_000, decimals: 0);
                denominator = (int?)rowCheck.Number("denominator", "the denominator", input.Denominator, 1, 10_000_000, decimals: 0);
                if (numerator > denominator)
                {
                    rowCheck.Add("numerator", "The numerator cannot be larger than the denominator.");
                }
                if (!string.IsNullOrWhiteSpace(input.Value))
                {
                    rowCheck.Add("value", "This measure is a proportion: give the numerator and denominator, not a value.");
                }
                value = denominator is > 0 && numerator is { } n ? Math.Round(100.0 * n / denominator.Value, 4) : 0;
            }
            else
            {
                value = (double)(rowCheck.Number("value", "the value", input.Value, -1_000_000_000, 1_000_000_000, decimals: 4) ?? 0);
                if (!string.IsNullOrWhiteSpace(input.Numerator) || !string.IsNullOrWhiteSpace(input.Denominator))
                {
                    rowCheck.Add("value", "This measure is a value: give the value, not a numerator and denominator.");
                }
            }
            var note = rowCheck.Prose("note", "the note", input.Note, MeasurePoint.NoteMax);
            if (rowCheck.IsValid && seen.TryGetValue(period!.Value, out var first))
            {
                rowCheck.Add("period", $"{MeasureCharts.PeriodText(period.Value)} also appears in row {first}.");
            }
            foreach (var (field, messages) in rowCheck.Errors)
            {
                foreach (var message in messages)
                {
                    check.Add(row == 0 ? field : $"row{row}", row == 0 ? message : $"Row {row}: {message}");
                }
            }
            if (rowCheck.IsValid)
            {
                seen[period!.Value] = row;
                parsed.Add((period.Value, numerator, denominator, value, note));
            }
        }
        if (!check.IsValid)
        {
            return Outcome<(int, int)>.Invalid(check.Errors);
        }
        var existing = await db.Set<MeasurePoint>().Where(p => p.MeasureId == measureId && p.PartnershipId == partnershipId).ToDictionaryAsync(p => p.Period, cancellationToken);
        int added = 0, updated = 0;
        var me = db.Tenancy.UserId!.Value;
        foreach (var p in parsed)
        {
            if (!existing.TryGetValue(p.Period, out var point))
            {
                point = new MeasurePoint { PartnershipId = partnershipId, MeasureId = measureId, Period = p.Period, RecordedByUserId = me };
                db.Set<MeasurePoint>().Add(point);
                added++;
            }
            else if (point.Value == p.Value && point.Numerator == p.Numerator && point.Denominator == p.Denominator && point.Note == p.Note)
            {
                continue;
            }
            else
            {
                updated++;
            }
            point.Value = p.Value;
            point.Numerator = p.Numerator;
            point.Denominator = p.Denominator;
            point.Note = p.Note;
            point.RecordedByUserId = me;
            point.RecordedAt = db.Now;
        }
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<(int, int)>.Ok((added, updated));
    }

    /// <summary>A person judges a point obviously different (or takes that back), with a note saying why.</summary>
    public async Task<Outcome<Guid>> FlagAsync(Guid partnershipId, Guid measureId, string? period, bool astronomical, string? note, CancellationToken cancellationToken = default)
    {
        var refusal = await db.RefuseWriteAsync(partnershipId, ViewerMessage, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        if (!await db.Set<Measure>().AnyAsync(m => m.Id == measureId && m.PartnershipId == partnershipId, cancellationToken))
        {
            return Outcome<Guid>.NotFound("No such measure.");
        }
        var check = new Validation();
        var month = check.Month("period", "the period", period);
        var text = check.Prose("note", "the note", note, MeasurePoint.NoteMax);
        var point = check.IsValid
            ? await db.Set<MeasurePoint>().FirstOrDefaultAsync(p => p.MeasureId == measureId && p.PartnershipId == partnershipId && p.Period == month, cancellationToken)
            : null;
        if (check.IsValid && point is null)
        {
            check.Add("period", "There is no data for that month.");
        }
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        point!.Astronomical = astronomical;
        if (text.Length > 0)
        {
            point.Note = text;
        }
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(point.Id);
    }

    /// <summary>
    /// Sets the baseline period. Without a value the baseline is the median of the data in the
    /// period; a value given by hand (e.g. from records kept before Joinery) is used as it is.
    /// Once set, it is the chart's centre line, so later improvement shows as a shift.
    /// </summary>
    public async Task<Outcome<double>> SetBaselineAsync(Guid partnershipId, Guid measureId, BaselineInput input, CancellationToken cancellationToken = default)
    {
        var refusal = await db.RefuseWriteAsync(partnershipId, ViewerMessage, cancellationToken);
        if (refusal is not null)
        {
            return refusal.As<double>();
        }
        var measure = await db.Set<Measure>().FirstOrDefaultAsync(m => m.Id == measureId && m.PartnershipId == partnershipId, cancellationToken);
        if (measure is null)
        {
            return Outcome<double>.NotFound("No such measure.");
        }
        var check = new Validation();
        var from = check.Month("from", "the first month of the baseline", input.From);
        var to = check.Month("to", "the last month of the baseline", input.To);
        var given = check.Number("value", "the baseline value", input.Value, -1_000_000_000, 1_000_000_000, required: false, decimals: 4);
        if (from > to)
        {
            check.Add("to", "The baseline ends before it starts.");
        }
        double? value = (double?)given;
        if (check.IsValid && value is null)
        {
            var inPeriod = await db.Set<MeasurePoint>().Where(p => p.MeasureId == measureId && p.Period >= from && p.Period <= to)
                .Select(p => p.Value).ToListAsync(cancellationToken);
            if (inPeriod.Count == 0)
            {
                check.Add("value", "There is no data in that period: record the data first, or enter the baseline value by hand.");
            }
            else
            {
                value = Math.Round(RunChartRules.Median(inPeriod), 4);
            }
        }
        if (!check.IsValid)
        {
            return Outcome<double>.Invalid(check.Errors);
        }
        measure.BaselineFrom = from;
        measure.BaselineTo = to;
        measure.BaselineValue = value;
        measure.UpdatedAt = db.Now;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<double>.Ok(value!.Value);
    }

    public async Task<Outcome<Guid>> SaveCycleAsync(Guid partnershipId, Guid measureId, Guid? cycleId, CycleInput input, CancellationToken cancellationToken = default)
    {
        var refusal = await db.RefuseWriteAsync(partnershipId, ViewerMessage, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        if (!await db.Set<Measure>().AnyAsync(m => m.Id == measureId && m.PartnershipId == partnershipId, cancellationToken))
        {
            return Outcome<Guid>.NotFound("No such measure.");
        }
        ImprovementCycle? cycle = null;
        if (cycleId is { } id)
        {
            cycle = await db.Set<ImprovementCycle>().FirstOrDefaultAsync(c => c.Id == id && c.MeasureId == measureId && c.PartnershipId == partnershipId, cancellationToken);
            if (cycle is null)
            {
                return Outcome<Guid>.NotFound("No such improvement cycle.");
            }
        }
        var check = new Validation();
        var title = check.Text("title", "what the cycle tests", input.Title, ImprovementCycle.TitleMax);
        var plan = check.Prose("plan", "the plan", input.Plan, ImprovementCycle.TextMax, required: true);
        var prediction = check.Prose("prediction", "the prediction", input.Prediction, ImprovementCycle.TextMax, required: true);
        var done = check.Prose("do", "what happened", input.Do, ImprovementCycle.TextMax);
        var study = check.Prose("study", "what you learned", input.Study, ImprovementCycle.TextMax);
        var next = check.Prose("nextStep", "the next step", input.NextStep, ImprovementCycle.TextMax);
        CycleAct? act = string.IsNullOrWhiteSpace(input.Act) ? null : check.Choice<CycleAct>("act", "adopt, adapt or abandon", input.Act);
        var started = check.Date("startedOn", "the start date", input.StartedOn);
        var ended = check.Date("endedOn", "the end date", input.EndedOn, required: false);
        if (ended < started)
        {
            check.Add("endedOn", "The cycle ends before it starts.");
        }
        if (act is not null && study.Length == 0)
        {
            check.Add("study", "Say what you learned before deciding to adopt, adapt or abandon the change.");
        }
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        if (cycle is null)
        {
            cycle = new ImprovementCycle { PartnershipId = partnershipId, MeasureId = measureId, Title = title, CreatedByUserId = db.Tenancy.UserId!.Value, CreatedAt = db.Now };
            db.Set<ImprovementCycle>().Add(cycle);
        }
        cycle.Title = title;
        cycle.Plan = plan;
        cycle.Prediction = prediction;
        cycle.Do = done;
        cycle.Study = study;
        cycle.Act = act;
        cycle.NextStep = next;
        cycle.StartedOn = started!.Value;
        cycle.EndedOn = ended;
        cycle.UpdatedAt = db.Now;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(cycle.Id);
    }

    private sealed record Fields(string Name, string Why, MeasureType Type, MeasureKind Kind, string Unit, string Numerator, string Denominator,
        string DataSource, Guid? Owner, BetterDirection Direction, double? Target, ReportingFrequency Frequency);

    private async Task<Fields> ValidateAsync(Validation check, Guid partnershipId, MeasureInput input, CancellationToken cancellationToken)
    {
        var name = check.Text("name", "the measure's name", input.Name, Measure.NameMax);
        var why = check.Prose("whyItMatters", "why it matters", input.WhyItMatters, Measure.TextMax);
        var type = string.IsNullOrWhiteSpace(input.Type) ? MeasureType.Outcome : check.Choice<MeasureType>("type", "the type", input.Type) ?? MeasureType.Outcome;
        var chosen = check.Choice<MeasureKind>("kind", "proportion or value", input.Kind);
        var kind = chosen ?? MeasureKind.Value;
        var unit = check.Text("unit", "the unit", input.Unit, Measure.UnitMax, required: chosen == MeasureKind.Value);
        if (kind == MeasureKind.Proportion)
        {
            unit = "%";
        }
        var numerator = check.Text("numerator", "what the numerator counts", input.Numerator, Measure.ShortMax, required: false);
        var denominator = check.Text("denominator", "what the denominator counts", input.Denominator, Measure.ShortMax, required: false);
        var source = check.Text("dataSource", "the data source", input.DataSource, Measure.ShortMax, required: false);
        var direction = check.Choice<BetterDirection>("betterDirection", "which direction is better (up or down)", input.BetterDirection) ?? BetterDirection.Up;
        var target = kind == MeasureKind.Proportion
            ? check.Number("target", "the target percentage", input.Target, 0, 100, required: false, decimals: 4)
            : check.Number("target", "the target", input.Target, -1_000_000_000, 1_000_000_000, required: false, decimals: 4);
        var frequency = string.IsNullOrWhiteSpace(input.Frequency) ? ReportingFrequency.Monthly
            : check.Choice<ReportingFrequency>("frequency", "the reporting frequency", input.Frequency) ?? ReportingFrequency.Monthly;
        Guid? owner = null;
        if (!string.IsNullOrWhiteSpace(input.Owner))
        {
            owner = await db.MemberIdAsync(partnershipId, input.Owner, cancellationToken);
            if (owner is null)
            {
                check.Add("owner", "The owner must be a member of this partnership.");
            }
        }
        return new Fields(name, why, type, kind, unit, numerator, denominator, source, owner, direction, (double?)target, frequency);
    }

    private void Apply(Measure measure, Fields f)
    {
        measure.Name = f.Name;
        measure.WhyItMatters = f.Why;
        measure.Type = f.Type;
        measure.Kind = f.Kind;
        measure.Unit = f.Unit;
        measure.Numerator = f.Numerator;
        measure.Denominator = f.Denominator;
        measure.DataSource = f.DataSource;
        measure.OwnerUserId = f.Owner;
        measure.BetterDirection = f.Direction;
        measure.Target = f.Target;
        measure.Frequency = f.Frequency;
        measure.UpdatedAt = db.Now;
    }

    private async Task<Dictionary<Guid, string>> OwnerNamesAsync(IEnumerable<Guid?> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.OfType<Guid>().Distinct().ToList();
        return wanted.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
    }

    public static string Format(double value, string unit) =>
        unit == "%" ? value.ToString("0.#", CultureInfo.InvariantCulture) + "%" : value.ToString("#,0.##", CultureInfo.InvariantCulture) + (unit.Length > 0 ? " " + unit : "");
}
