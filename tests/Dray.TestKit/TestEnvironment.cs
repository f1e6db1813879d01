namespace Dray.TestKit;

/// <summary>The only place in the test kit that reads environment variables.</summary>
public static class TestEnvironment
{
    /// <summary>
    /// True when <c>DRAY_TEST_REQUIRE_INFRA</c> is set (test.sh and CI set it): a missing server binary then fails the
    /// fixture instead of skipping its tests.
    /// </summary>
    public static bool RequireInfra => IsSet(Read("DRAY_TEST_REQUIRE_INFRA"));

    /// <summary>Whether this process runs as root; PostgreSQL refuses to, and nginx then needs <c>user root;</c>.</summary>
    public static bool IsRoot => string.Equals(Environment.UserName, "root", StringComparison.Ordinal);

    /// <summary>The PATH directories, plus the sbin directories that non-login shells often leave out.</summary>
    public static IReadOnlyList<string> SearchPath
    {
        get
        {
            var dirs = (Read("PATH") ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .ToList();
            foreach (var extra in new[] { "/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin" })
            {
                if (!dirs.Contains(extra, StringComparer.Ordinal))
                {
                    dirs.Add(extra);
                }
            }

            return dirs;
        }
    }

    private static bool IsSet(string? value) =>
        !string.IsNullOrWhiteSpace(value)
        && !string.Equals(value, "0", StringComparison.Ordinal)
        && !string.Equals(value, "false", StringComparison.OrdinalIgnoreCase);

#pragma warning disable RS0030 // The test kit's single, deliberate environment read.
    private static string? Read(string name) => Environment.GetEnvironmentVariable(name);
#pragma warning restore RS0030
}
