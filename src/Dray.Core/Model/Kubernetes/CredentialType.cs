namespace Dray.Core.Model.Kubernetes;

/// <summary>The values of the <c>kargo.akuity.io/cred-type</c> label.</summary>
public static class CredentialType
{
    public const string Git = "git";
    public const string Helm = "helm";
    public const string Image = "image";
    public const string Generic = "generic";
}
