using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Dray.Bench.Git;

/// <summary>
/// Writes a large GitOps repository straight into a bare repository with <c>git fast-import</c>: a first commit with
/// --files files (<c>apps/app-NNN/file-NNN.yaml</c>, 100 per directory, plus <c>env/dev/kustomization.yaml</c>), then
/// one small edit per commit until there are --commits commits on <c>main</c>.
/// </summary>
internal static class GitOpsRepoGenerator
{
    public const string KustomizationPath = "env/dev/kustomization.yaml";
    private const int FilesPerDirectory = 100;
    private const long EpochStart = 1_700_000_000;

    public static string Kustomization(string tag) =>
        $"apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nimages:\n- name: nginx\n  newTag: {tag}\n";

    public static async Task GenerateAsync(string bareRepository, int commits, int files, CancellationToken ct)
    {
        var start = new ProcessStartInfo("git", ["fast-import", "--quiet", "--done"])
        {
            WorkingDirectory = bareRepository,
            RedirectStandardInput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start git fast-import");
        var errors = process.StandardError.ReadToEndAsync(ct);
        await using (var input = new StreamWriter(process.StandardInput.BaseStream, new UTF8Encoding(false), 1 << 20))
        {
            input.NewLine = "\n";
            await WriteCommitAsync(input, 0, "Initial layout", writer =>
            {
                for (var f = 0; f < files - 1; f++)
                {
                    Modify(writer, FilePath(f), FileContent(f, 0));
                }

                Modify(writer, KustomizationPath, Kustomization("1.0.0"));
            }, ct);
            for (var c = 1; c < commits; c++)
            {
                var f = c % (files - 1);
                await WriteCommitAsync(input, c, $"Update {FilePath(f)}", writer => Modify(writer, FilePath(f), FileContent(f, c)), ct);
            }

            await input.WriteAsync("done\n".AsMemory(), ct);
        }

        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("git fast-import failed: " + await errors);
        }
    }

    private static string FilePath(int f) =>
        string.Create(CultureInfo.InvariantCulture, $"apps/app-{f / FilesPerDirectory:D3}/file-{f % FilesPerDirectory:D3}.yaml");

    private static string FileContent(int f, int revision) => string.Create(
        CultureInfo.InvariantCulture,
        $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-{f / FilesPerDirectory:D3}-{f % FilesPerDirectory:D3}\ndata:\n  revision: \"{revision}\"\n");

    private static async Task WriteCommitAsync(StreamWriter input, int index, string message, Action<StringBuilder> changes, CancellationToken ct)
    {
        var text = new StringBuilder();
        text.Append("commit refs/heads/main\n");
        text.Append(CultureInfo.InvariantCulture, $"committer Bench <bench@dray.invalid> {EpochStart + (index * 60L)} +0000\n");
        Data(text, message);
        changes(text);
        text.Append('\n');
        await input.WriteAsync(text.ToString().AsMemory(), ct);
    }

    private static void Modify(StringBuilder text, string path, string content)
    {
        text.Append("M 100644 inline ").Append(path).Append('\n');
        Data(text, content);
    }

    private static void Data(StringBuilder text, string content) =>
        text.Append(CultureInfo.InvariantCulture, $"data {Encoding.UTF8.GetByteCount(content)}\n").Append(content).Append('\n');
}
