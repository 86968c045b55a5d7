using Joinery.Core.Common;
using Joinery.Core.Organizations;
using Joinery.Core.Partnerships;

namespace Joinery.Tests.Common;

public class EnumTextTests
{
    [Theory]
    [InlineData(OrganizationKind.BehavioralHealth, "behavioral-health")]
    [InlineData(OrganizationKind.PrimaryCare, "primary-care")]
    [InlineData(OrganizationKind.Other, "other")]
    public void Values_are_written_in_kebab_case(OrganizationKind kind, string text)
    {
        kind.ToText().ShouldBe(text);
    }

    [Fact]
    public void Every_value_of_every_public_enum_reads_back_from_its_text()
    {
        var enums = typeof(EnumText).Assembly.GetTypes().Where(t => t.IsEnum && t.IsPublic).ToList();
        enums.ShouldContain(typeof(MemberRole));

        foreach (var type in enums)
        {
            var roundTrip = typeof(EnumTextTests).GetMethod(nameof(RoundTrips), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(type);
            roundTrip.Invoke(null, null);
        }
    }

    private static void RoundTrips<TEnum>() where TEnum : struct, Enum
    {
        foreach (var value in Enum.GetValues<TEnum>())
        {
            EnumText.TryParse<TEnum>(value.ToText(), out var parsed).ShouldBeTrue($"{typeof(TEnum).Name}.{value}");
            parsed.ShouldBe(value);
        }
    }

    [Theory]
    [InlineData("primary-care")]
    [InlineData("PRIMARY-CARE")]
    [InlineData("Primary-Care")]
    [InlineData("PrimaryCare")]
    [InlineData("primarycare")]
    [InlineData("  primary-care ")]
    public void Text_is_read_whatever_its_case_and_surrounding_spaces(string text)
    {
        EnumText.TryParse<OrganizationKind>(text, out var kind).ShouldBeTrue();
        kind.ShouldBe(OrganizationKind.PrimaryCare);
    }

    [Theory]
    [InlineData("primary care")]
    [InlineData("primary_care")]
    [InlineData("hospital")]
    [InlineData("1")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_text_is_not_read(string? text)
    {
        EnumText.TryParse<OrganizationKind>(text, out _).ShouldBeFalse();
    }

    [Fact]
    public void All_lists_the_values_in_declaration_order()
    {
        EnumText.All<MemberLevel>().ShouldBe(["executive", "manager", "frontline"]);
    }

    [Fact]
    public void Words_read_as_a_phrase_for_people()
    {
        OrganizationKind.BehavioralHealth.Words().ShouldBe("Behavioral health");
        Phase.Plan.Words().ShouldBe("Plan");
    }

    [Fact]
    public void Words_keep_initialisms_in_capitals_and_hyphenate_prefixes()
    {
        Joinery.Core.Decisions.ContributionKind.It.Words().ShouldBe("IT");
        Joinery.Core.Decisions.ContributionKind.StaffFte.Words().ShouldBe("Staff FTE");
        Joinery.Core.Formalize.CostCategory.It.LowerWords().ShouldBe("IT");
        Joinery.Core.Formalize.AgreementType.Mou.Words().ShouldBe("MOU");
        Joinery.Core.IntegrationLevels.IntegrationCategory.CoLocated.Words().ShouldBe("Co-located");
        Joinery.Core.IntegrationLevels.IntegrationCategory.CoLocated.LowerWords().ShouldBe("co-located");
        OrganizationKind.BehavioralHealth.LowerWords().ShouldBe("behavioral health");
    }
}
