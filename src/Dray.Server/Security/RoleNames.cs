using System.Diagnostics.CodeAnalysis;

namespace Dray.Server.Security;

/// <summary>The wire names of <see cref="Role"/>: <c>admin</c>, <c>project-admin</c>, <c>promoter</c>, <c>viewer</c>.</summary>
public static class RoleNames
{
    public const string Admin = "admin";
    public const string ProjectAdmin = "project-admin";
    public const string Promoter = "promoter";
    public const string Viewer = "viewer";

    public static string ToName(this Role role) => role switch
    {
        Role.Admin => Admin,
        Role.ProjectAdmin => ProjectAdmin,
        Role.Promoter => Promoter,
        _ => Viewer,
    };

    public static bool TryParse(string? name, [NotNullWhen(true)] out Role? role)
    {
        role = name switch
        {
            Admin => Role.Admin,
            ProjectAdmin => Role.ProjectAdmin,
            Promoter => Role.Promoter,
            Viewer => Role.Viewer,
            _ => null,
        };
        return role is not null;
    }
}
