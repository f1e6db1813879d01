namespace Dray.Server.Security;

/// <summary>What a route requires: a minimum role and where it must hold.</summary>
public sealed record AccessRequirement(Role Role, AccessScope Scope)
{
    public static readonly AccessRequirement Anonymous = new(Role.Viewer, AccessScope.Anonymous);
}
