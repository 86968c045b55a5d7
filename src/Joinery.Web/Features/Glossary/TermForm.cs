using Joinery.Core.Common;
using Joinery.Core.Glossary;

namespace Joinery.Web.Features.Glossary;

/// <summary>The form fields of a glossary term.</summary>
public sealed class TermForm
{
    public string? Term { get; set; }
    public string? Category { get; set; }
    public string? BehavioralHealthUsage { get; set; }
    public string? PrimaryCareUsage { get; set; }
    public string? Definition { get; set; }
    public string? Status { get; set; }

    public GlossaryInput ToInput() => new(Term, Category, BehavioralHealthUsage, PrimaryCareUsage, Definition, Status);

    public static TermForm From(TermView t) => new()
    {
        Term = t.Term,
        Category = t.Category.ToText(),
        BehavioralHealthUsage = t.BehavioralHealthUsage,
        PrimaryCareUsage = t.PrimaryCareUsage,
        Definition = t.Definition,
        Status = t.Status.ToText(),
    };
}
