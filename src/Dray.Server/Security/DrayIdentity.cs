using System.Security.Claims;

namespace Dray.Server.Security;

/// <summary>Who is calling: a subject (token name or "admin"), one role and optionally the one project it is bound to.</summary>
public sealed record DrayIdentity(string Subject, Role Role, string? Project)
{
    public const string RoleClaim = "dray:role";
    public const string ProjectClaim = "dray:project";

    public ClaimsPrincipal ToPrincipal(string scheme)
    {
        List<Claim> claims = [new(ClaimTypes.Name, Subject), new(RoleClaim, Role.ToName())];
        if (Project is not null)
        {
            claims.Add(new Claim(ProjectClaim, Project));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>Reads the identity back from an authenticated principal, or null for anonymous callers.</summary>
    public static DrayIdentity? From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true || !RoleNames.TryParse(user.FindFirstValue(RoleClaim), out var role))
        {
            return null;
        }

        return new DrayIdentity(user.Identity.Name ?? "", role.Value, user.FindFirstValue(ProjectClaim));
    }

    /// <summary>True when the role holds in <paramref name="project"/> (null: a cluster-wide action).</summary>
    public bool Allows(Role required, string? project) =>
        Role >= required && (project is null ? Project is null || required <= Role.Promoter : Project is null || Project == project);

    /// <summary>True when the caller may see documents of the project at all.</summary>
    public bool CanSeeProject(string? project) => project is null || Project is null || Project == project;
}
