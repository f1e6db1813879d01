namespace Dray.Server.Security;

/// <summary>One route: HTTP method plus the route pattern exactly as mapped.</summary>
public sealed record RouteKey(string Method, string Pattern)
{
    public override string ToString() => $"{Method} {Pattern}";
}
