using Dray.Core.Model.Common;
using Dray.Core.Model.Projects;
using Dray.Core.Warehouses;

namespace Dray.Core.Webhooks;

/// <summary>
/// Computes <c>status.webhookReceivers</c> of a ProjectConfig: each receiver's path, derived from its Secret, and its
/// URL under the server's base URL. A receiver whose Secret is missing is listed without a path, and the condition
/// <see cref="ConditionType"/> says why (naming the Secret and key, never a value).
/// </summary>
public static class WebhookReceiverStatusCalculator
{
    public const string ConditionType = "WebhookReceiversReady";

    /// <param name="config">The ProjectConfig as stored.</param>
    /// <param name="secrets">The values of every Secret the receivers name; null for a Secret that does not exist.</param>
    /// <param name="baseUrl">The externally reachable server URL, without a trailing slash.</param>
    /// <param name="now">The time a changed condition records.</param>
    public static ProjectConfigStatus Compute(
        ProjectConfig config, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>?> secrets, string baseUrl, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentNullException.ThrowIfNull(baseUrl);
        var project = config.Metadata.Namespace ?? config.Metadata.Name ?? "";
        var existing = config.Status ?? new ProjectConfigStatus();
        var receivers = config.Spec?.WebhookReceivers ?? [];
        var refresh = config.Metadata.Annotations?.GetValueOrDefault(KargoAnnotations.Refresh) ?? existing.LastHandledRefresh;
        if (receivers.Count == 0)
        {
            return existing with
            {
                WebhookReceivers = null,
                Conditions = ConditionList.Remove(existing.Conditions, ConditionType),
                ObservedGeneration = config.Metadata.Generation,
                LastHandledRefresh = refresh,
            };
        }

        var details = new List<WebhookReceiverDetails>();
        var problems = new List<string>();
        foreach (var receiver in receivers)
        {
            var path = PathOf(project, receiver, secrets, problems);
            details.Add(new WebhookReceiverDetails { Name = receiver.Name, Path = path, Url = path is null ? null : baseUrl.TrimEnd('/') + path });
        }

        var condition = new Condition
        {
            Type = ConditionType,
            Status = problems.Count == 0 ? ConditionStatus.True : ConditionStatus.False,
            ObservedGeneration = config.Metadata.Generation,
            LastTransitionTime = now,
            Reason = problems.Count == 0 ? "Synced" : "SecretUnavailable",
            Message = problems.Count == 0 ? $"{details.Count} webhook receiver(s) ready" : string.Join("; ", problems),
        };
        return existing with
        {
            WebhookReceivers = details,
            Conditions = ConditionList.Set(existing.Conditions, condition),
            ObservedGeneration = config.Metadata.Generation,
            LastHandledRefresh = refresh,
        };
    }

    private static string? PathOf(
        string project, WebhookReceiverConfig receiver, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>?> secrets, List<string> problems)
    {
        if (WebhookReceiverBinding.For(receiver) is not { } binding)
        {
            problems.Add($"receiver \"{receiver.Name}\" must configure exactly one provider with secretRef.name");
            return null;
        }

        if (secrets.GetValueOrDefault(binding.SecretName) is not { } values)
        {
            problems.Add($"receiver \"{receiver.Name}\": Secret \"{binding.SecretName}\" not found in project \"{project}\"");
            return null;
        }

        if (!values.TryGetValue(binding.SecretKey, out var secret) || secret.Length == 0)
        {
            problems.Add($"receiver \"{receiver.Name}\": Secret \"{binding.SecretName}\" has no \"{binding.SecretKey}\" key");
            return null;
        }

        return WebhookReceiverPath.For(binding.Type, project, receiver.Name, secret);
    }
}
