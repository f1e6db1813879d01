namespace Dray.TestKit.Infrastructure;

/// <summary>A fresh directory under the system temp dir, deleted with everything in it on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory(string prefix = "dray-test-")
    {
        Path = Directory.CreateTempSubdirectory(prefix).FullName;
    }

    public string Path { get; }

    /// <summary>Creates (if needed) and returns a subdirectory.</summary>
    public string Sub(params string[] parts)
    {
        var dir = System.IO.Path.Combine([Path, .. parts]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    public string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public override string ToString() => Path;

    public void Dispose()
    {
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            try
            {
                if (Directory.Exists(Path))
                {
                    Directory.Delete(Path, recursive: true);
                }

                return;
            }
            catch (IOException) when (attempt < 3)
            {
                // A server killed a moment ago may still be closing files.
                Thread.Sleep(100 * attempt);
            }
            catch (IOException)
            {
                // A leftover temp dir is harmless; failing the test run over it is not.
            }
            catch (UnauthorizedAccessException)
            {
                // Files owned by another user are left to the OS temp cleaner.
                return;
            }
        }
    }
}
