namespace Dray.Core.Model.Common;

/// <summary>The validation patterns Kargo's CRDs put on string fields, shared by the model's schema attributes.</summary>
public static class KargoPatterns
{
    /// <summary>An RFC 1123 subdomain: what Kubernetes accepts as an object name.</summary>
    public const string DnsSubdomain = @"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

    /// <summary>A Go duration restricted to hours, minutes and seconds, e.g. <c>5m0s</c>.</summary>
    public const string Duration = @"^([0-9]+(\.[0-9]+)?(s|m|h))+$";

    /// <summary>A variable name usable in expressions.</summary>
    public const string VariableName = @"^[a-zA-Z_]\w*$";

    public const string Digest = "^[a-z0-9]+:[a-f0-9]+$";

    public const string ImageTag = @"^[\w.\-\_]+$";

    public const string ConditionType = @"^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$";

    public const string ConditionReason = "^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$";

    public const string GitRepoUrl = @"(?:^(ssh|https?)://(?:([\w-]+)(:(.+))?@)?([\w-]+(?:\.[\w-]+)*)(?::(\d{1,5}))?(/.*)$)|(?:^([\w-]+)@([\w+]+(?:\.[\w-]+)*):(/?.*))$|(?:^file:///\S+$)";

    public const string ImageRepoUrl = @"^(\w+([\.-]\w+)*(:[\d]+)?/)?(\w+([\.-]\w+)*)(/\w+([\.-]\w+)*)*$";

    public const string ChartRepoUrl = @"^(((https?)|(oci))://)(([\w\d\.\-]+)(:([\d]+)?)?(/.*)*)$";

    public const string GitBranch = @"^[a-zA-Z0-9]([a-zA-Z0-9._\/-]*[a-zA-Z0-9_-])?$";

    public const string Platform = @"^\w+/\w+$";
}
