namespace Dray.Steps.ArgoCd;

/// <summary>Where Argo CD's API is and how to authenticate to it (a project or account token).</summary>
public sealed record ArgoCdConnection(Uri Server, string? Token, bool InsecureSkipTlsVerify = false);
