using System.Text;
using System.Text.Json.Nodes;
using Dray.TestKit.Infrastructure;

namespace Dray.TestKit.Oci;

/// <summary>
/// skopeo against a plain-HTTP test registry. Credentials go through a temporary auth file, never argv.
/// </summary>
public static class Skopeo
{
    /// <summary>Copies the OCI layout at <paramref name="layoutDir"/> (all platforms, digests kept) to <c>docker://REFERENCE</c>.</summary>
    public static Task<ProcessResult> CopyAsync(
        string layoutDir, string reference, RegistryCredentials? credentials, CancellationToken cancellationToken = default) =>
        RunWithAuthFileAsync(
            reference,
            credentials,
            authFile => [
                "copy", "--all", "--preserve-digests", "--dest-tls-verify=false",
                .. authFile is null ? Array.Empty<string>() : ["--dest-authfile", authFile],
                $"oci:{layoutDir}", $"docker://{reference}",
            ],
            cancellationToken);

    /// <summary>Runs <c>skopeo list-tags</c> for <paramref name="repository"/> (HOST:PORT/NAME).</summary>
    public static Task<ProcessResult> ListTagsAsync(
        string repository, RegistryCredentials? credentials, CancellationToken cancellationToken = default) =>
        RunWithAuthFileAsync(
            repository,
            credentials,
            authFile => [
                "list-tags", "--tls-verify=false",
                .. authFile is null ? Array.Empty<string>() : ["--authfile", authFile],
                $"docker://{repository}",
            ],
            cancellationToken);

    /// <summary>The tags skopeo lists, sorted.</summary>
    /// <exception cref="ProcessFailedException">skopeo failed (auth, missing repository).</exception>
    public static async Task<IReadOnlyList<string>> TagsAsync(
        string repository, RegistryCredentials? credentials, CancellationToken cancellationToken = default)
    {
        var result = await ListTagsAsync(repository, credentials, cancellationToken);
        if (!result.Succeeded)
        {
            throw new ProcessFailedException(result);
        }

        var tags = JsonNode.Parse(result.StandardOutput)?["Tags"]?.AsArray() ?? [];
        return tags.Select(t => t!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The raw manifest (or index) bytes of <c>docker://REFERENCE</c>.</summary>
    public static async Task<byte[]> RawManifestAsync(
        string reference, RegistryCredentials? credentials, CancellationToken cancellationToken = default)
    {
        var result = await RunWithAuthFileAsync(
            reference,
            credentials,
            authFile => [
                "inspect", "--raw", "--tls-verify=false",
                .. authFile is null ? Array.Empty<string>() : ["--authfile", authFile],
                $"docker://{reference}",
            ],
            cancellationToken);
        return result.Succeeded ? Encoding.UTF8.GetBytes(result.StandardOutput) : throw new ProcessFailedException(result);
    }

    private static async Task<ProcessResult> RunWithAuthFileAsync(
        string reference, RegistryCredentials? credentials, Func<string?, string[]> arguments, CancellationToken cancellationToken)
    {
        var skopeo = HostBinary.Find("skopeo", "skopeo");
        using var temp = new TempDirectory("dray-skopeo-");
        string? authFile = null;
        if (credentials is not null)
        {
            authFile = temp.File("auth.json");
            var host = reference.Split('/')[0];
            var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.Username}:{credentials.Password}"));
            var json = new JsonObject { ["auths"] = new JsonObject { [host] = new JsonObject { ["auth"] = auth } } };
            await File.WriteAllTextAsync(authFile, json.ToJsonString(), cancellationToken);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(authFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        // --insecure-policy: the machine may have no /etc/containers/policy.json, and signatures are not under test.
        var options = new ProcessOptions
        {
            Environment = new Dictionary<string, string?>
            {
                ["REGISTRY_AUTH_FILE"] = authFile ?? temp.File("no-auth.json"),
                ["XDG_RUNTIME_DIR"] = temp.Path,
                ["TMPDIR"] = temp.Path,
            },
        };
        return await ProcessRunner.RunAsync(skopeo, ["--insecure-policy", .. arguments(authFile)], options, cancellationToken);
    }
}
