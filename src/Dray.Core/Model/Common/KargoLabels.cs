namespace Dray.Core.Model.Common;

/// <summary>Label keys with a meaning to Kargo.</summary>
public static class KargoLabels
{
    public const string Alias = "kargo.akuity.io/alias";
    public const string CredentialType = "kargo.akuity.io/cred-type";
    public const string Project = "kargo.akuity.io/project";
    public const string Shard = "kargo.akuity.io/shard";
    public const string Stage = "kargo.akuity.io/stage";
    public const string FreightCollection = "kargo.akuity.io/freight-collection";
    public const string ReplicatedFrom = "kargo.akuity.io/replicated-from";
    public const string ReplicatedSha = "kargo.akuity.io/replicated-sha";
    public const string ApiToken = "rbac.kargo.akuity.io/api-token";
    public const string SystemRole = "rbac.kargo.akuity.io/system-role";
}
