using System.Globalization;
using System.Text;

namespace Dray.Sources.Git;

/// <summary>
/// Reads <c>git log -z</c> output in the <see cref="Format"/> below as it streams: each commit starts with a record
/// separator, its fields are NUL-separated, and the changed paths (with <c>--name-only</c>) follow as NUL-separated names.
/// </summary>
internal static class GitLogReader
{
    public const string Format = "--format=%x1e%H%x00%s%x00%an <%ae>%x00%cn <%ce>%x00%cI%x00";

    private const char RecordSeparator = '\u001e';
    private const int FieldCount = 5;

    /// <summary>Calls <paramref name="onEntry"/> per commit, newest first, until it returns false or the output ends.</summary>
    /// <returns>False when the consumer stopped early.</returns>
    public static async Task<bool> ReadAsync(TextReader reader, Func<GitLogEntry, bool> onEntry, CancellationToken ct)
    {
        var buffer = new char[32768];
        var record = new StringBuilder();
        var started = false;
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), ct).ConfigureAwait(false)) > 0)
        {
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != RecordSeparator)
                {
                    continue;
                }

                record.Append(buffer, start, i - start);
                start = i + 1;
                if (started && !onEntry(Parse(record.ToString())))
                {
                    return false;
                }

                started = true;
                record.Clear();
            }

            record.Append(buffer, start, read - start);
        }

        return !started || onEntry(Parse(record.ToString()));
    }

    private static GitLogEntry Parse(string record)
    {
        var parts = record.Split('\0');
        if (parts.Length < FieldCount)
        {
            throw new GitException(GitErrorKind.Other, $"unexpected git log output: '{record}'");
        }

        var paths = new List<string>();
        for (var i = FieldCount; i < parts.Length; i++)
        {
            var path = parts[i].TrimStart('\n');
            if (path.Length > 0)
            {
                paths.Add(path);
            }
        }

        return new GitLogEntry(
            parts[0],
            parts[1],
            parts[2],
            parts[3],
            DateTimeOffset.Parse(parts[4], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            paths);
    }
}
