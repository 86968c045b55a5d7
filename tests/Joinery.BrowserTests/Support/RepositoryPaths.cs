namespace Joinery.BrowserTests.Support;

/// <summary>Finds the repository from the test assembly, so tests run the same from any working directory.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The web project's folder: the app's content root, where wwwroot lives.</summary>
    public static string WebProject => Path.Combine(Root, "src", "Joinery.Web");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Joinery.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"Could not find Joinery.slnx above {AppContext.BaseDirectory}.");
    }
}
