using System.Globalization;
using System.Text.Json.Nodes;

namespace Dray.Core.Manifests.Legacy;

/// <summary>
/// Turns v0.3 <c>promotionMechanisms</c> into promotion steps shaped like Kargo's quickstart: per git repo update
/// <c>git-clone</c>, the update steps, <c>git-commit</c> and <c>git-push</c> (or a pull request), then one
/// <c>argocd-update</c> for all Argo CD app updates.
/// </summary>
internal sealed class LegacyStepsBuilder(LegacyEdit edit)
{
    private const string MechanismsPath = "spec.promotionMechanisms";
    private readonly JsonArray _steps = [];
    private readonly Dictionary<string, string> _commitAliasByRepo = new(StringComparer.Ordinal);

    public JsonArray Build(JsonObject mechanisms)
    {
        var gitUpdates = mechanisms["gitRepoUpdates"] as JsonArray ?? [];
        for (var i = 0; i < gitUpdates.Count; i++)
        {
            if (gitUpdates[i] is JsonObject update)
            {
                AddGitUpdate(update, i, gitUpdates.Count);
            }
        }

        if (mechanisms["argoCDAppUpdates"] is JsonArray { Count: > 0 } appUpdates)
        {
            var stepPath = Add("argocd-update", null,
                new JsonObject { ["apps"] = LegacyArgoCdApps.Convert(appUpdates, _commitAliasByRepo) },
                FieldPath.Child(MechanismsPath, "argoCDAppUpdates"));
            for (var i = 0; i < appUpdates.Count; i++)
            {
                edit.Document.Map.Remap($"{stepPath}.config.apps[{i}]", $"{MechanismsPath}.argoCDAppUpdates[{i}]");
            }

            edit.Warn(FieldPath.Child(MechanismsPath, "argoCDAppUpdates"),
                "\"promotionMechanisms.argoCDAppUpdates\" is the old form of an \"argocd-update\" step; converted into promotionTemplate.spec.steps");
        }

        return _steps;
    }

    private void AddGitUpdate(JsonObject update, int index, int count)
    {
        var path = $"{MechanismsPath}.gitRepoUpdates[{index}]";
        var suffix = count == 1 ? "" : "-" + (index + 1).ToString(CultureInfo.InvariantCulture);
        var dir = "./src" + suffix;
        var repoURL = LegacyEdit.Text(update["repoURL"]) ?? "";
        var writeBranch = LegacyEdit.Text(update["writeBranch"]) ?? "";
        var readBranch = LegacyEdit.Text(update["readBranch"]);
        if (update.ContainsKey("render"))
        {
            edit.Fail(FieldPath.Child(path, "render"),
                "\"render\" (Kargo Render) is not supported: it was removed from Kargo; write the steps yourself in spec.promotionTemplate.spec.steps (for example git-clone, kustomize-build, git-commit, git-push)");
            return;
        }

        var clone = Add("git-clone", null, new JsonObject
        {
            ["repoURL"] = repoURL,
            ["checkout"] = new JsonArray(new JsonObject { ["branch"] = string.IsNullOrEmpty(readBranch) ? writeBranch : readBranch, ["path"] = dir }),
        }, path);
        edit.Document.Map.Remap($"{clone}.config.repoURL", FieldPath.Child(path, "repoURL"));
        edit.Document.Map.Remap($"{clone}.config.checkout[0].branch", FieldPath.Child(path, string.IsNullOrEmpty(readBranch) ? "writeBranch" : "readBranch"));

        var updateAliases = new List<string>();
        var kinds = new List<string>();
        if (update["kustomize"] is JsonObject kustomize)
        {
            AddKustomize(kustomize, FieldPath.Child(path, "kustomize"), dir, suffix, updateAliases);
            kinds.Add("kustomize-set-image");
        }

        if (update["helm"] is JsonObject helm)
        {
            kinds.AddRange(LegacyHelmSteps.Add(this, helm, FieldPath.Child(path, "helm"), dir, suffix, updateAliases));
        }

        if (updateAliases.Count == 0)
        {
            edit.Fail(path, "a git repo update needs \"kustomize\" or \"helm\" to say what to change");
            return;
        }

        var message = string.Join("\n\n", updateAliases.Select(a => $"${{{{ outputs['{a}'].commitMessage }}}}"));
        var commitAlias = "commit" + suffix;
        Add("git-commit", commitAlias, new JsonObject { ["path"] = dir, ["message"] = message }, path);
        _commitAliasByRepo.TryAdd(repoURL, commitAlias);
        var pushAlias = "push" + suffix;
        if (update["pullRequest"] is JsonObject)
        {
            Add("git-push", pushAlias, new JsonObject { ["path"] = dir, ["generateTargetBranch"] = true }, path);
            var openAlias = "open-pr" + suffix;
            Add("git-open-pr", openAlias, new JsonObject
            {
                ["repoURL"] = repoURL,
                ["sourceBranch"] = $"${{{{ outputs['{pushAlias}'].branch }}}}",
                ["targetBranch"] = writeBranch,
            }, FieldPath.Child(path, "pullRequest"));
            Add("git-wait-for-pr", "wait-for-pr" + suffix, new JsonObject
            {
                ["repoURL"] = repoURL,
                ["prNumber"] = $"${{{{ outputs['{openAlias}'].pr.id }}}}",
            }, FieldPath.Child(path, "pullRequest"));
            _commitAliasByRepo[repoURL] = "wait-for-pr" + suffix;
            kinds.AddRange(["git-push", "git-open-pr", "git-wait-for-pr"]);
        }
        else
        {
            var push = Add("git-push", pushAlias, new JsonObject { ["path"] = dir, ["targetBranch"] = writeBranch }, path);
            edit.Document.Map.Remap($"{push}.config.targetBranch", FieldPath.Child(path, "writeBranch"));
            kinds.Add("git-push");
        }

        edit.Warn(path, $"\"promotionMechanisms.gitRepoUpdates\" is the old form of promotion steps; converted to git-clone, {string.Join(", ", kinds.Distinct())}, git-commit in promotionTemplate.spec.steps");
    }

    private void AddKustomize(JsonObject kustomize, string path, string dir, string suffix, List<string> aliases)
    {
        var images = kustomize["images"] as JsonArray ?? [];
        var byPath = images.OfType<JsonObject>().Select((image, i) => (Image: image, Index: i))
            .GroupBy(x => LegacyEdit.Text(x.Image["path"]) ?? "", StringComparer.Ordinal).ToList();
        var n = 0;
        foreach (var group in byPath)
        {
            var alias = "update-image" + suffix + (byPath.Count == 1 ? "" : "-" + (++n).ToString(CultureInfo.InvariantCulture));
            var list = new JsonArray();
            foreach (var (image, _) in group)
            {
                var name = LegacyEdit.Text(image["image"]) ?? "";
                list.Add(LegacyEdit.Flag(image["useDigest"])
                    ? new JsonObject { ["image"] = name, ["digest"] = Expressions.ImageDigest(name) }
                    : new JsonObject { ["image"] = name, ["tag"] = Expressions.ImageTag(name) });
            }

            var step = Add("kustomize-set-image", alias, new JsonObject { ["path"] = Join(dir, group.Key), ["images"] = list }, path);
            var j = 0;
            foreach (var (_, index) in group)
            {
                edit.Document.Map.Remap($"{step}.config.images[{j++}]", $"{path}.images[{index}]");
            }

            edit.Document.Map.Remap($"{step}.config.path", $"{path}.images[{group.First().Index}].path");
            aliases.Add(alias);
        }

        if (images.Count == 0)
        {
            edit.Fail(FieldPath.Child(path, "images"), "must list at least one image");
        }
    }

    /// <summary>Appends a step and returns its path; the step's position is that of <paramref name="sourcePath"/>.</summary>
    internal string Add(string uses, string? alias, JsonObject config, string sourcePath)
    {
        var step = new JsonObject { ["uses"] = uses };
        if (alias is not null)
        {
            step["as"] = alias;
        }

        step["config"] = config;
        var stepPath = $"spec.promotionTemplate.spec.steps[{_steps.Count.ToString(CultureInfo.InvariantCulture)}]";
        _steps.Add(step);
        edit.Document.Map.Remap(stepPath, sourcePath);
        return stepPath;
    }

    internal static string Join(string dir, string relative) =>
        relative.Length == 0 || relative == "." ? dir : dir + "/" + relative.TrimStart('.', '/');
}
