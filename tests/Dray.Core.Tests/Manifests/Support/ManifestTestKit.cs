using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dray.Core.Manifests;
using Dray.Core.Storage;

namespace Dray.Core.Tests.Manifests.Support;

internal static class ManifestTestKit
{
    public const string GitOpsRepo = "https://git.example.com/team/gitops.git";

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(FixturesDirectory(), name));

    private static string FixturesDirectory([CallerFilePath] string self = "") => Path.Combine(Path.GetDirectoryName(self)!, "..", "Fixtures");

    /// <summary>The seed's manifests, optionally after what <c>envsubst</c> would do.</summary>
    public static string Seed(bool substitute) =>
        substitute ? Fixture("seed.yaml").Replace("${GITOPS_REPO_URL}", GitOpsRepo, StringComparison.Ordinal) : Fixture("seed.yaml");

    public static ManifestApplier Applier(IResourceStore store) => new(store, new KargoManifestSchemas());

    public static async Task<ApplyReport> ApplyAsync(IResourceStore store, string yaml, string file = "test.yaml", ApplyOptions? options = null) =>
        await Applier(store).ApplyAsync([new ManifestSource(file, yaml)], options ?? new ApplyOptions(), CancellationToken.None);

    /// <summary>Applies and returns the errors; fails the test when the apply succeeds.</summary>
    public static async Task<IReadOnlyList<ManifestError>> ErrorsAsync(IResourceStore store, string yaml, string file = "test.yaml", ApplyOptions? options = null)
    {
        var exception = await Should.ThrowAsync<ManifestException>(() => ApplyAsync(store, yaml, file, options));
        return exception.Errors;
    }

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Compact JSON without escaping quotes or '+', so expected strings stay readable.</summary>
    public static string Json(JsonNode? node) => node?.ToJsonString(Relaxed) ?? "null";

    public static ManifestSource Source(string yaml, string? file = "test.yaml") => new(file, yaml);
}
