using System.Text.RegularExpressions;

namespace Joinery.Tests.Platform;

/// <summary>Time comes from <see cref="TimeProvider"/> only, so tests can fix the clock (style guide, "An EF entity").</summary>
public sealed class OneClockTests
{
    // Built by concatenation so that this file does not contain what it looks for.
    private static readonly string[] MachineClocks =
    [
        "DateTime" + ".Now", "DateTime" + ".UtcNow", "DateTime" + ".Today",
        "DateTimeOffset" + ".Now", "DateTimeOffset" + ".UtcNow",
    ];

    [Fact]
    public void No_source_file_or_page_reads_the_machine_clock()
    {
        var root = RepositoryRoot();
        var files = new[] { "src", "tests" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.*", SearchOption.AllDirectories))
            .Where(file => file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(file => !IsBuildOutput(Path.GetRelativePath(root, file)))
            .ToList();
        var uses = new List<string>();

        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (MachineClock.IsMatch(lines[i]))
                {
                    uses.Add($"{Path.GetRelativePath(root, file).Replace('\\', '/')}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }

        files.Count.ShouldBeGreaterThan(100, "the scan should see the whole repository");
        uses.Count.ShouldBe(0, "read the time from TimeProvider (the data context's Now, or the test's clock) instead:\n" + string.Join('\n', uses));
    }

    /// <summary>A use (System.-qualified too), not a longer name that merely starts the same.</summary>
    private static readonly Regex MachineClock = new(
        $@"(?<!\w)({string.Join('|', MachineClocks.Select(Regex.Escape))})(?!\w)", RegexOptions.CultureInvariant);

    private static bool IsBuildOutput(string relative)
    {
        var parts = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return parts.Contains("bin") || parts.Contains("obj");
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Joinery.slnx")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"No Joinery.slnx above {AppContext.BaseDirectory}.");
    }
}
