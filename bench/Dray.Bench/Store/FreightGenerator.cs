using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Dray.Core.Resources;

namespace Dray.Bench.Store;

/// <summary>Deterministic, realistically sized (about 1.5 KB) Freight documents.</summary>
internal static class FreightGenerator
{
    private static readonly string[] Adjectives = ["wobbly", "brave", "quiet", "rapid", "sunny", "misty", "lucky", "gentle"];
    private static readonly string[] Animals = ["pangolin", "heron", "otter", "lynx", "gecko", "bison", "marmot", "ibis"];

    public static ResourceDocument Create(string project, int index)
    {
        // 40 hex characters, shaped like a Freight ID.
        var name = Hex(SHA256.HashData(Encoding.UTF8.GetBytes($"{project}/{index}")))[..40];
        var commit = Hex(SHA256.HashData(Encoding.UTF8.GetBytes($"commit/{index}")))[..40];
        var digest = Hex(SHA256.HashData(Encoding.UTF8.GetBytes($"image/{index}")));
        var alias = $"{Adjectives[index % Adjectives.Length]}-{Animals[index / Adjectives.Length % Animals.Length]}-{index}";
        var version = string.Create(CultureInfo.InvariantCulture, $"1.{index / 1000}.{index % 1000}");
        return new ResourceDocument(new JsonObject
        {
            ["apiVersion"] = ResourceKinds.KargoApiVersion,
            ["kind"] = "Freight",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = project,
                ["labels"] = new JsonObject { ["kargo.akuity.io/alias"] = alias },
                ["annotations"] = new JsonObject { ["kargo.akuity.io/discovered-by"] = "warehouse/main" },
            },
            ["alias"] = alias,
            ["origin"] = new JsonObject { ["kind"] = "Warehouse", ["name"] = "main" },
            ["images"] = new JsonArray(
                new JsonObject { ["repoURL"] = "ghcr.io/example/guestbook", ["tag"] = "v" + version, ["digest"] = "sha256:" + digest },
                new JsonObject { ["repoURL"] = "ghcr.io/example/guestbook-worker", ["tag"] = "v" + version, ["digest"] = "sha256:" + digest[..32] + digest[32..] }),
            ["commits"] = new JsonArray(
                Commit("https://github.com/example/guestbook-config.git", commit, $"chore(deps): bump guestbook to v{version} and refresh the rendered manifests"),
                Commit("https://github.com/example/platform-values.git", commit[20..] + commit[..20], "fix: raise the worker memory limit for the batch queue")),
            ["charts"] = new JsonArray(new JsonObject { ["repoURL"] = "oci://ghcr.io/example/charts", ["name"] = "guestbook", ["version"] = version }),
            ["status"] = new JsonObject
            {
                ["verifiedIn"] = new JsonObject { ["dev"] = new JsonObject { ["verifiedAt"] = "2026-11-01T10:00:00Z" } },
                ["approvedFor"] = new JsonObject(),
                ["currentlyIn"] = new JsonObject { ["dev"] = new JsonObject { ["since"] = "2026-11-01T09:58:00Z" } },
            },
        });
    }

    private static JsonObject Commit(string repoUrl, string id, string message) => new()
    {
        ["repoURL"] = repoUrl,
        ["id"] = id,
        ["branch"] = "main",
        ["message"] = message,
        ["author"] = "Release Bot <release-bot@example.com>",
        ["committer"] = "Release Bot <release-bot@example.com>",
    };

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
