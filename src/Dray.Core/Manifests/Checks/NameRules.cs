using System.Text.RegularExpressions;

namespace Dray.Core.Manifests.Checks;

/// <summary>Kubernetes DNS-1123 name rules. Returns null when the name is valid, else what rule it breaks.</summary>
public static partial class NameRules
{
    public static string? CheckSubdomain(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length > 253)
        {
            return $"\"{name}\" is not a valid DNS-1123 subdomain: it must be at most 253 characters";
        }

        return Subdomain().IsMatch(name)
            ? null
            : $"\"{name}\" is not a valid DNS-1123 subdomain: use lower-case letters, digits, '-' and '.', starting and ending with a letter or digit";
    }

    public static string? CheckLabel(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length > 63)
        {
            return $"\"{name}\" is not a valid DNS-1123 label: it must be at most 63 characters";
        }

        return Label().IsMatch(name)
            ? null
            : $"\"{name}\" is not a valid DNS-1123 label: use lower-case letters, digits and '-', starting and ending with a letter or digit";
    }

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Subdomain();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Label();
}
