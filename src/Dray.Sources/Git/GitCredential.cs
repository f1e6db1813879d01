namespace Dray.Sources.Git;

/// <summary>HTTP(S) username and password (or token) for a git remote. Never printed: <see cref="ToString"/> hides both.</summary>
public sealed record GitCredential(string Username, string Password)
{
    public override string ToString() => "GitCredential { Username = ***, Password = *** }";
}
