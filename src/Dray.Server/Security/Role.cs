namespace Dray.Server.Security;

/// <summary>The four roles, ordered so that a higher role includes every lower one.</summary>
public enum Role
{
    Viewer = 0,
    Promoter = 1,
    ProjectAdmin = 2,
    Admin = 3,
}
