namespace Joinery.Tests.Support;

/// <summary>The repository's own files, for the tests that read the source (meta-tests).</summary>
public static class Sources
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Joinery.slnx")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("The tests run from inside the repository (no Joinery.slnx above " + AppContext.BaseDirectory + ").");
    }
}
