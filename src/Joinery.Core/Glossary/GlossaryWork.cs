using Joinery.Core.Common;
using Joinery.Core.Data;
using Joinery.Core.Partnerships;
using Microsoft.EntityFrameworkCore;

namespace Joinery.Core.Glossary;

public sealed record GlossaryInput(string? Term, string? Category, string? BehavioralHealthUsage, string? PrimaryCareUsage, string? Definition, string? Status);

public sealed record TermView(Guid Id, string Term, TermCategory Category, string BehavioralHealthUsage, string PrimaryCareUsage, string Definition,
    TermStatus Status, DateTimeOffset UpdatedAt, DateTimeOffset StatusChangedAt, int Comments);

public sealed record TermCommentView(Guid Id, string Author, string OrganizationName, string Text, DateTimeOffset CreatedAt);

public sealed record TermRevisionView(string Term, TermCategory Category, string BehavioralHealthUsage, string PrimaryCareUsage, string Definition,
    TermStatus Status, string? ChangedBy, DateTimeOffset ChangedAt);

public sealed record TermDetails(TermView Term, IReadOnlyList<TermCommentView> Comments, IReadOnlyList<TermRevisionView> History);

public enum Audience { PrimaryCare, BehavioralHealth }

public sealed record TranslationMatch(Guid Id, string Term, int Start, int Length, string Text, TermCategory Category, TermStatus Status,
    string Definition, string BehavioralHealthUsage, string PrimaryCareUsage, string OtherSideUsage);

public sealed record Translation(Audience Audience, IReadOnlyList<TranslationMatch> Matches);

/// <summary>
/// Step 2, a common language: the partnership's glossary of terms, each with how behavioral health
/// and primary care use it and the definition the partnership agreed; discussion and history;
/// a starter crosswalk; translation of pasted text; CSV export and all-or-nothing import.
/// </summary>
public sealed class GlossaryWork(JoineryDb db)
{
    public async Task<List<TermView>?> ListAsync(Guid partnershipId, CancellationToken cancellationToken = default)
    {
        if (!await db.CanSeePartnershipAsync(partnershipId, cancellationToken))
        {
            return null;
        }
        var terms = await db.Set<GlossaryTerm>().AsNoTracking().Where(t => t.PartnershipId == partnershipId)
            .Select(t => new TermView(t.Id, t.Term, t.Category, t.BehavioralHealthUsage, t.PrimaryCareUsage, t.Definition, t.Status, t.UpdatedAt, t.StatusChangedAt,
                db.Set<GlossaryComment>().Count(c => c.TermId == t.Id)))
            .ToListAsync(cancellationToken);
        return terms.OrderBy(t => t.Term, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public async Task<TermDetails?> GetAsync(Guid partnershipId, Guid termId, CancellationToken cancellationToken = default)
    {
        var term = (await ListAsync(partnershipId, cancellationToken))?.FirstOrDefault(t => t.Id == termId);
        if (term is null)
        {
            return null;
        }
        var comments = await (from c in db.Set<GlossaryComment>().AsNoTracking()
                              join u in db.Users on c.UserId equals u.Id
                              join o in db.Organizations on c.OrganizationId equals o.Id
                              where c.TermId == termId && c.PartnershipId == partnershipId
                              select new TermCommentView(c.Id, u.DisplayName, o.Name, c.Text, c.CreatedAt)).ToListAsync(cancellationToken);
        var history = await (from r in db.Set<GlossaryRevision>().AsNoTracking()
                             join u in db.Users on r.ChangedByUserId equals u.Id into users
                             from u in users.DefaultIfEmpty()
                             where r.TermId == termId && r.PartnershipId == partnershipId
                             select new TermRevisionView(r.Term, r.Category, r.BehavioralHealthUsage, r.PrimaryCareUsage, r.Definition, r.Status,
                                 u == null ? null : u.DisplayName, r.ChangedAt)).ToListAsync(cancellationToken);
        return new TermDetails(term, comments.OrderBy(c => c.CreatedAt).ToList(), history.OrderByDescending(h => h.ChangedAt).ToList());
    }

    public async Task<Outcome<TermView>> CreateAsync(Guid partnershipId, GlossaryInput input, CancellationToken cancellationToken = default)
    {
        var refusal = await RefuseAsync(partnershipId, input.Status, cancellationToken);
        if (refusal is not null)
        {
            return refusal.As<TermView>();
        }
        var check = new Validation();
        var fields = Validate(check, input, "");
        if (!check.IsValid)
        {
            return Outcome<TermView>.Invalid(check.Errors);
        }
        if (await db.Set<GlossaryTerm>().AnyAsync(t => t.PartnershipId == partnershipId && t.NormalizedTerm == fields.Normalized, cancellationToken))
        {
            return Outcome<TermView>.Conflict("term", $"'{fields.Term}' is already in the glossary.");
        }
        var term = New(partnershipId, fields);
        db.Set<GlossaryTerm>().Add(term);
        Revise(term);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<TermView>.Ok(View(term, 0));
    }

    public async Task<Outcome<TermView>> UpdateAsync(Guid partnershipId, Guid termId, GlossaryInput input, CancellationToken cancellationToken = default)
    {
        var refusal = await RefuseAsync(partnershipId, input.Status, cancellationToken);
        if (refusal is not null)
        {
            return refusal.As<TermView>();
        }
        var term = await db.Set<GlossaryTerm>().FirstOrDefaultAsync(t => t.Id == termId && t.PartnershipId == partnershipId, cancellationToken);
        if (term is null)
        {
            return Outcome<TermView>.NotFound("No such term.");
        }
        var check = new Validation();
        var fields = Validate(check, input, "");
        if (!check.IsValid)
        {
            return Outcome<TermView>.Invalid(check.Errors);
        }
        if (await db.Set<GlossaryTerm>().AnyAsync(t => t.PartnershipId == partnershipId && t.NormalizedTerm == fields.Normalized && t.Id != termId, cancellationToken))
        {
            return Outcome<TermView>.Conflict("term", $"'{fields.Term}' is already in the glossary.");
        }
        if (Apply(term, fields))
        {
            Revise(term);
            await db.SaveChangesAsync(cancellationToken);
        }
        return Outcome<TermView>.Ok(View(term, await db.Set<GlossaryComment>().CountAsync(c => c.TermId == termId, cancellationToken)));
    }

    public async Task<Outcome<Guid>> CommentAsync(Guid partnershipId, Guid termId, string? text, CancellationToken cancellationToken = default)
    {
        if (await db.RefuseUnseenAsync(partnershipId, cancellationToken) is { } unseen)
        {
            return unseen;
        }
        var me = await db.MyMembershipAsync(partnershipId, cancellationToken);
        if (me is null || me.Role == MemberRole.Viewer)
        {
            return Outcome<Guid>.Forbidden("Viewers read the glossary; members discuss it.");
        }
        if (!await db.Set<GlossaryTerm>().AnyAsync(t => t.Id == termId && t.PartnershipId == partnershipId, cancellationToken))
        {
            return Outcome<Guid>.NotFound("No such term.");
        }
        var check = new Validation();
        var comment = check.Prose("text", "your comment", text, GlossaryComment.TextMax, required: true);
        if (!check.IsValid)
        {
            return Outcome<Guid>.Invalid(check.Errors);
        }
        var entity = new GlossaryComment
        {
            PartnershipId = partnershipId,
            TermId = termId,
            UserId = me.UserId,
            OrganizationId = db.Tenancy.OrganizationId!.Value,
            Text = comment,
            CreatedAt = db.Now,
        };
        db.Set<GlossaryComment>().Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(entity.Id);
    }

    /// <summary>Loads the starter crosswalk; terms the partnership already has are left as they are.</summary>
    public async Task<Outcome<int>> LoadStarterAsync(Guid partnershipId, CancellationToken cancellationToken = default)
    {
        var refusal = await RefuseAsync(partnershipId, null, cancellationToken);
        if (refusal is not null)
        {
            return refusal.As<int>();
        }
        var existing = (await db.Set<GlossaryTerm>().Where(t => t.PartnershipId == partnershipId).Select(t => t.NormalizedTerm).ToListAsync(cancellationToken)).ToHashSet();
        var added = 0;
        foreach (var starter in StarterCrosswalk.Terms.Where(s => !existing.Contains(Normalize(s.Term))))
        {
            var term = New(partnershipId, new Fields(starter.Term, Normalize(starter.Term), starter.Category, starter.BehavioralHealthUsage,
                starter.PrimaryCareUsage, starter.Definition, TermStatus.Proposed));
            db.Set<GlossaryTerm>().Add(term);
            Revise(term);
            added++;
        }
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<int>.Ok(added);
    }

    public async Task<Outcome<Translation>> TranslateAsync(Guid partnershipId, string? text, string? audience, CancellationToken cancellationToken = default)
    {
        var terms = await ListAsync(partnershipId, cancellationToken);
        if (terms is null)
        {
            return Outcome<Translation>.NotFound("No such partnership.");
        }
        var check = new Validation();
        var reader = check.Choice<Audience>("audience", "who will read it (primary-care or behavioral-health)", audience);
        if (string.IsNullOrWhiteSpace(text))
        {
            check.Add("text", "Paste the text to translate.");
        }
        else if (text.Length > Translator.MaxText)
        {
            check.Add("text", $"The text must be {Translator.MaxText:N0} characters or fewer.");
        }
        if (!check.IsValid)
        {
            return Outcome<Translation>.Invalid(check.Errors);
        }
        var byId = terms.ToDictionary(t => t.Id);
        var matches = Translator.Find(text!, terms.Select(t => new TermEntry(t.Id, t.Term)).ToList())
            .Select(m =>
            {
                var t = byId[m.TermId];
                return new TranslationMatch(t.Id, t.Term, m.Start, m.Length, m.Text, t.Category, t.Status, t.Definition,
                    t.BehavioralHealthUsage, t.PrimaryCareUsage,
                    reader == Audience.PrimaryCare ? t.BehavioralHealthUsage : t.PrimaryCareUsage);
            }).ToList();
        return Outcome<Translation>.Ok(new Translation(reader!.Value, matches));
    }

    /// <summary>Imports rows (from <see cref="GlossaryCsv"/>): new terms are added, existing ones updated. Any bad row and nothing is imported.</summary>
    public async Task<Outcome<(int Added, int Updated)>> ImportAsync(Guid partnershipId, IReadOnlyList<(int Row, GlossaryInput Input)> rows, CancellationToken cancellationToken = default)
    {
        var refusal = await RefuseAsync(partnershipId, null, cancellationToken);
        if (refusal is not null)
        {
            return refusal.As<(int, int)>();
        }
        var check = new Validation();
        if (rows.Count == 0)
        {
            check.Add("file", "The file has no terms.");
        }
        var me = await db.MyMembershipAsync(partnershipId, cancellationToken);
        var mayAgree = db.Tenancy.Unrestricted || me?.Role is MemberRole.Steward or MemberRole.Planner;
        var parsed = new List<Fields>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (row, input) in rows)
        {
            var rowCheck = new Validation();
            var fields = Validate(rowCheck, input, "");
            if (rowCheck.IsValid && fields.Status == TermStatus.Agreed && !mayAgree)
            {
                rowCheck.Add("status", "Only stewards and planners mark a term agreed.");
            }
            if (rowCheck.IsValid && seen.TryGetValue(fields.Normalized, out var first))
            {
                rowCheck.Add("term", $"'{fields.Term}' also appears in row {first}.");
            }
            foreach (var message in rowCheck.Errors.SelectMany(e => e.Value))
            {
                check.Add($"row{row}", $"Row {row}: {message}");
            }
            if (rowCheck.IsValid)
            {
                seen[fields.Normalized] = row;
                parsed.Add(fields);
            }
        }
        if (!check.IsValid)
        {
            return Outcome<(int, int)>.Invalid(check.Errors);
        }
        var existing = await db.Set<GlossaryTerm>().Where(t => t.PartnershipId == partnershipId).ToDictionaryAsync(t => t.NormalizedTerm, cancellationToken);
        int added = 0, updated = 0;
        foreach (var fields in parsed)
        {
            if (existing.TryGetValue(fields.Normalized, out var term))
            {
                if (Apply(term, fields))
                {
                    Revise(term);
                    updated++;
                }
            }
            else
            {
                term = New(partnershipId, fields);
                db.Set<GlossaryTerm>().Add(term);
                Revise(term);
                added++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<(int, int)>.Ok((added, updated));
    }

    private sealed record Fields(string Term, string Normalized, TermCategory Category, string BehavioralHealthUsage, string PrimaryCareUsage, string Definition, TermStatus Status);

    private static Fields Validate(Validation check, GlossaryInput input, string prefix)
    {
        var term = check.Text(prefix + "term", "the term", input.Term, GlossaryTerm.TermMax);
        var category = check.Choice<TermCategory>(prefix + "category", "a category", input.Category);
        var bh = check.Prose(prefix + "behavioralHealthUsage", "how behavioral health uses it", input.BehavioralHealthUsage, GlossaryTerm.TextMax);
        var pc = check.Prose(prefix + "primaryCareUsage", "how primary care uses it", input.PrimaryCareUsage, GlossaryTerm.TextMax);
        var definition = check.Prose(prefix + "definition", "the agreed definition", input.Definition, GlossaryTerm.TextMax);
        TermStatus status = TermStatus.Proposed;
        if (!string.IsNullOrWhiteSpace(input.Status))
        {
            status = check.Choice<TermStatus>(prefix + "status", "a status", input.Status) ?? TermStatus.Proposed;
        }
        if (status == TermStatus.Agreed && definition.Length == 0)
        {
            check.Add(prefix + "definition", "An agreed term needs the definition the partners agreed.");
        }
        return new Fields(term, Normalize(term), category ?? TermCategory.Procedures, bh, pc, definition, status);
    }

    private static string Normalize(string term) => string.Join(' ', term.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private async Task<Outcome<bool>?> RefuseAsync(Guid partnershipId, string? status, CancellationToken cancellationToken)
    {
        if (await db.RefuseWriteAsync(partnershipId, "Viewers read the glossary; members propose and edit terms.", cancellationToken) is { } refusal)
        {
            return refusal.As<bool>();
        }
        var me = db.Tenancy.Unrestricted ? null : await db.MyMembershipAsync(partnershipId, cancellationToken);
        if (me is not null && EnumText.TryParse<TermStatus>(status, out var wanted) && wanted == TermStatus.Agreed && me.Role is not (MemberRole.Steward or MemberRole.Planner))
        {
            return Outcome<bool>.Forbidden("Only stewards and planners mark a term agreed.");
        }
        return null;
    }

    private GlossaryTerm New(Guid partnershipId, Fields f) => new()
    {
        PartnershipId = partnershipId,
        Term = f.Term,
        NormalizedTerm = f.Normalized,
        Category = f.Category,
        BehavioralHealthUsage = f.BehavioralHealthUsage,
        PrimaryCareUsage = f.PrimaryCareUsage,
        Definition = f.Definition,
        Status = f.Status,
        CreatedAt = db.Now,
        UpdatedAt = db.Now,
        StatusChangedAt = db.Now,
    };

    /// <summary>Copies the fields onto the term; true when anything changed.</summary>
    private bool Apply(GlossaryTerm term, Fields f)
    {
        var changed = term.Term != f.Term || term.Category != f.Category || term.BehavioralHealthUsage != f.BehavioralHealthUsage
            || term.PrimaryCareUsage != f.PrimaryCareUsage || term.Definition != f.Definition || term.Status != f.Status;
        if (!changed)
        {
            return false;
        }
        if (term.Status != f.Status)
        {
            term.StatusChangedAt = db.Now;
        }
        term.Term = f.Term;
        term.NormalizedTerm = f.Normalized;
        term.Category = f.Category;
        term.BehavioralHealthUsage = f.BehavioralHealthUsage;
        term.PrimaryCareUsage = f.PrimaryCareUsage;
        term.Definition = f.Definition;
        term.Status = f.Status;
        term.UpdatedAt = db.Now;
        return true;
    }

    private void Revise(GlossaryTerm term) => db.Set<GlossaryRevision>().Add(new GlossaryRevision
    {
        PartnershipId = term.PartnershipId,
        TermId = term.Id,
        Term = term.Term,
        Category = term.Category,
        BehavioralHealthUsage = term.BehavioralHealthUsage,
        PrimaryCareUsage = term.PrimaryCareUsage,
        Definition = term.Definition,
        Status = term.Status,
        ChangedByUserId = db.Tenancy.UserId,
        ChangedAt = db.Now,
    });

    private static TermView View(GlossaryTerm t, int comments) =>
        new(t.Id, t.Term, t.Category, t.BehavioralHealthUsage, t.PrimaryCareUsage, t.Definition, t.Status, t.UpdatedAt, t.StatusChangedAt, comments);
}
