namespace Dray.Server.Security;

/// <summary>Where the required role must hold.</summary>
public enum AccessScope
{
    /// <summary>Anyone, signed in or not.</summary>
    Anonymous,

    /// <summary>The role must hold cluster-wide (a project-bound token only passes for read roles).</summary>
    Cluster,

    /// <summary>The role must hold in the project named by the <c>{project}</c> route value.</summary>
    Project,

    /// <summary>The route passes with the role in some project; the handler checks each document's project.</summary>
    PerDocument,

    /// <summary>The route passes with the role; the handler leaves out what the caller may not see.</summary>
    Filtered,

    /// <summary>A UI page: like <see cref="Filtered"/>, but an anonymous visitor is redirected to the login page.</summary>
    UiPage,

    /// <summary>
    /// No sign-in: a webhook receiver. The handler authenticates each delivery by its hard-to-guess path and, where
    /// the provider signs, its signature or token; a mismatch is 401 and changes nothing.
    /// </summary>
    WebhookSignature,
}
