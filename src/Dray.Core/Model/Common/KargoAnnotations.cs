namespace Dray.Core.Model.Common;

/// <summary>Annotation keys with a meaning to Kargo.</summary>
public static class KargoAnnotations
{
    /// <summary>Any new value triggers a reconcile; the handled value is echoed in <c>status.lastHandledRefresh</c>.</summary>
    public const string Refresh = "kargo.akuity.io/refresh";
    public const string Reverify = "kargo.akuity.io/reverify";
    public const string Abort = "kargo.akuity.io/abort";
    public const string AuthorizedStage = "kargo.akuity.io/authorized-stage";
    public const string Description = "kargo.akuity.io/description";
    public const string Color = "kargo.akuity.io/color";
    public const string CreateActor = "kargo.akuity.io/create-actor";
    public const string Promotion = "kargo.akuity.io/promotion";
    public const string ArgoCdContext = "kargo.akuity.io/argocd-context";
    public const string Rollback = "kargo.akuity.io/rollback";
    public const string AutoPromotionHold = "kargo.akuity.io/auto-promotion-hold";
    public const string AutoPromotionResume = "kargo.akuity.io/auto-promotion-resume";
    public const string KeepNamespace = "kargo.akuity.io/keep-namespace";
    public const string GitHubTokenScopes = "kargo.akuity.io/github-token-scopes";
    public const string ReplicateTo = "kargo.akuity.io/replicate-to";
    public const string ReplicatedAt = "kargo.akuity.io/replicated-at";
    public const string Migrated = "kargo.akuity.io/migrated";
    public const string Claims = "rbac.kargo.akuity.io/claims";
    public const string Managed = "rbac.kargo.akuity.io/managed";
}
