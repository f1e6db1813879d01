namespace Dray.Core.Tests.Model;

/// <summary>Finds the shared reference folder that sits next to the repository clone (e.g. /work/main and /work/shared).</summary>
internal static class SharedFolder
{
    public static string Specs { get; } = Locate();

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "specs");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            $"No shared/specs folder in any parent of {AppContext.BaseDirectory}; clone the repository next to shared/.");
    }
}
