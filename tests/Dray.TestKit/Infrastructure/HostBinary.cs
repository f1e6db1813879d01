namespace Dray.TestKit.Infrastructure;

/// <summary>Finds the executables the test servers need.</summary>
public static class HostBinary
{
    /// <summary>The full path of <paramref name="name"/> on the PATH (or in an sbin dir).</summary>
    /// <exception cref="InfraMissingException">Not installed; the message names <paramref name="aptPackage"/>.</exception>
    public static string Find(string name, string aptPackage)
    {
        foreach (var dir in TestEnvironment.SearchPath)
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw InfraMissingException.For(name, aptPackage);
    }

    /// <summary>The first existing file among <paramref name="candidates"/>.</summary>
    /// <exception cref="InfraMissingException">None exists.</exception>
    public static string FindFile(string description, string aptPackage, params string[] candidates)
    {
        foreach (var candidate in candidates)
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw InfraMissingException.For(description, aptPackage);
    }
}
