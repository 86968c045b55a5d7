using System.Reflection;
using System.Text.RegularExpressions;
using Joinery.Core;
using Joinery.Core.Demo;
using Joinery.Core.Health;
using Joinery.Core.Inbox;
using Joinery.Core.Partnerships;
using Joinery.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Joinery.Tests.Platform;

/// <summary>
/// Features plug into the roadmap and partnership health through contributions they register
/// themselves; the hubs only enumerate what is registered (decision 0001, architecture.md).
/// </summary>
public sealed partial class FeatureContributionTests
{
    /// <summary>The files that put the features' contributions together and must name none of them.</summary>
    public static TheoryData<string> Hubs => new()
    {
        "src/Joinery.Core/Partnerships/Roadmap.cs",
        "src/Joinery.Core/Partnerships/RoadmapContribution.cs",
        "src/Joinery.Core/Partnerships/PartnershipFacts.cs",
        "src/Joinery.Core/Health/PartnershipHealth.cs",
        "src/Joinery.Core/Health/HealthContribution.cs",
        "src/Joinery.Core/Demo/SeedDemo.cs",
        "src/Joinery.Core/Demo/DemoContribution.cs",
        "src/Joinery.Core/Inbox/WaitingForYou.cs",
        "src/Joinery.Web/Features/Shared/Navigation.cs",
        "src/Joinery.Web/Features/Shared/_WorkspaceNav.cshtml",
        "src/Joinery.Web/Features/Shared/_Layout.cshtml",
        "tests/Joinery.Tests/Support/WorkspaceWalk.cs",
        "tests/Joinery.Tests/Support/WalkContribution.cs",
    };

    [Theory]
    [MemberData(nameof(Hubs))]
    public void A_hub_names_no_feature(string hub)
    {
        var code = CodeWithoutComments(File.ReadAllText(Sources.PathOf(hub)));
        var own = Path.GetFileName(Path.GetDirectoryName(hub)!);

        var named = FeatureTypes()
            .Where(t => t.Namespace != $"Joinery.Core.{own}")
            .Where(t => Regex.IsMatch(code, $@"\b{Regex.Escape(t.Name)}\b"))
            .Select(t => t.FullName)
            .Concat(FeatureNamespaces().Where(ns => ns != $"Joinery.Core.{own}" && code.Contains(ns, StringComparison.Ordinal)))
            .ToList();

        named.ShouldBeEmpty($"{hub} should only enumerate registered contributions, but names these features' parts");
    }

    [Fact]
    public void The_hub_check_would_see_a_feature_named_in_a_hub()
    {
        // The check above is only as good as its list of feature types: it must know the features.
        FeatureNamespaces().ShouldContain("Joinery.Core.Mission");
        FeatureNamespaces().ShouldContain("Joinery.Core.Close");
        FeatureNamespaces().ShouldNotContain("Joinery.Core.Partnerships", "the partnership itself is what every feature builds on");
        FeatureTypes().Select(t => t.Name).ShouldContain("MissionProgress");
        var sample = CodeWithoutComments("// MissionProgress in a comment is fine\nvar x = new MissionProgress(db);");
        Regex.IsMatch(sample, @"\bMissionProgress\b").ShouldBeTrue();
        CodeWithoutComments("/// <see cref=\"MissionProgress\"/>\n").ShouldNotContain("MissionProgress");
        CodeWithoutComments("var title = \"Measure outcomes\"; // http://x").ShouldBe("var title = ; ");
    }

    [Fact]
    public void Every_contribution_in_core_is_registered_once_by_its_feature()
    {
        var services = CoreServices();
        var core = typeof(CoreServices).Assembly;
        foreach (var contract in new[] { typeof(IRoadmapContribution), typeof(IHealthContribution), typeof(IDemoContribution), typeof(IInboxContribution) })
        {
            var implemented = core.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && contract.IsAssignableFrom(t)).ToList();
            var registered = services.Where(d => d.ServiceType == contract).Select(d => d.ImplementationType!).ToList();

            implemented.ShouldNotBeEmpty();
            registered.ShouldBe(implemented, ignoreOrder: true, $"every {contract.Name} is registered, and only once");
        }
    }

    [Fact]
    public void Health_thresholds_have_unique_names_and_defaults_within_their_range()
    {
        using var provider = CoreServices().BuildServiceProvider();
        using var scope = provider.CreateScope();

        var thresholds = scope.ServiceProvider.GetServices<IHealthContribution>().SelectMany(c => c.Thresholds).ToList();

        thresholds.Count.ShouldBeGreaterThanOrEqualTo(13, "the thirteen thresholds stewards could tune before they moved to the features");
        thresholds.Select(t => t.Name).ShouldBeUnique();
        thresholds.ShouldAllBe(t => t.Min <= t.Default && t.Default <= t.Max && t.Label.Length > 0 && t.Name.Length <= 60);
    }

    private static ServiceCollection CoreServices()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = "sqlite", ["Database:ConnectionString"] = "Data Source=:memory:" })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddJoineryCore(configuration);
        return services;
    }

    /// <summary>A feature is a folder of Core that registers itself with an <c>Add&lt;Feature&gt;()</c> (its <c>*Feature.cs</c>); the partnership is the base all build on.</summary>
    private static List<string> FeatureNamespaces() => typeof(CoreServices).Assembly.GetTypes()
        .Where(t => t.Name.EndsWith("Feature", StringComparison.Ordinal) && t is { IsAbstract: true, IsSealed: true })
        .Select(t => t.Namespace!)
        .Where(ns => ns != typeof(Partnership).Namespace)
        .Distinct()
        .ToList();

    private static List<Type> FeatureTypes() => typeof(CoreServices).Assembly.GetTypes()
        .Where(t => FeatureNamespaces().Contains(t.Namespace!) && !t.IsNested && t.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() is null)
        .Where(t => !t.Name.Contains('<', StringComparison.Ordinal))
        .ToList();

    private static string CodeWithoutComments(string code) => Comments().Replace(code, "");

    /// <summary>Comments and string literals: a step titled "Measure outcomes" names no feature.</summary>
    [GeneratedRegex(@"""(?:[^""\\\n]|\\.)*""|//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comments();
}
