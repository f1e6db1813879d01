namespace Dray.Sources.Helm;

/// <summary>Username and password (or token) for a chart repository. <see cref="ToString"/> hides both.</summary>
public sealed record HelmCredential(string Username, string Password)
{
    public override string ToString() => "HelmCredential { Username = ***, Password = *** }";
}
