using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Dray.Sources.Helm;

/// <summary>Reads an <c>index.yaml</c> (or its JSON form) and resolves relative chart URLs against the repository URL.</summary>
public static partial class HelmIndexParser
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    /// <exception cref="HelmException">The text is not a chart repository index.</exception>
    public static HelmIndex Parse(string text, Uri repoUrl)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(repoUrl);
        HelmIndexDocument? document;
        try
        {
            document = Deserializer.Deserialize<HelmIndexDocument?>(text);
        }
        catch (YamlException e)
        {
            throw new HelmException(HelmErrorKind.MalformedIndex, $"malformed index.yaml from {repoUrl}: {Describe(e)}", e);
        }

        if (document is null || string.IsNullOrWhiteSpace(document.ApiVersion))
        {
            throw new HelmException(HelmErrorKind.MalformedIndex, $"malformed index.yaml from {repoUrl}: no apiVersion");
        }

        var entries = new Dictionary<string, IReadOnlyList<HelmChartVersion>>(StringComparer.Ordinal);
        foreach (var (name, versions) in document.Entries ?? [])
        {
            entries[name] = (versions ?? [])
                .Where(v => !string.IsNullOrWhiteSpace(v.Version))
                .Select(v => new HelmChartVersion(
                    v.Name ?? name,
                    v.Version!.Trim(),
                    (v.Urls ?? []).Select(u => ResolveChartUrl(repoUrl, u)).ToList(),
                    v.Digest,
                    v.AppVersion))
                .ToList();
        }

        return new HelmIndex(repoUrl, entries);
    }

    /// <summary>Where and what, as <c>line 3, column 5: problem</c>, without YamlDotNet's mark dump.</summary>
    private static string Describe(YamlException error)
    {
        // Deserialization failures arrive wrapped; the innermost YAML error is the precise one.
        var inner = error;
        while (inner.InnerException is YamlException next)
        {
            inner = next;
        }

        var problem = MarkPrefix().Replace(inner.Message, "").Trim();
        if (inner.InnerException is { } cause && (problem.Length == 0 || problem.StartsWith("Exception during deserialization", StringComparison.Ordinal)))
        {
            problem = cause.Message;
        }

        return inner.Start.Line > 0 ? $"line {inner.Start.Line}, column {inner.Start.Column}: {problem}" : problem;
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex MarkPrefix();

    /// <summary>Helm's rule: an absolute URL stays, a relative one is resolved below the repository URL.</summary>
    /// <exception cref="HelmException">The URL cannot be read.</exception>
    public static Uri ResolveChartUrl(Uri repoUrl, string chartUrl)
    {
        ArgumentNullException.ThrowIfNull(repoUrl);
        ArgumentNullException.ThrowIfNull(chartUrl);
        var baseUrl = repoUrl.AbsoluteUri.EndsWith('/') ? repoUrl : new Uri(repoUrl.AbsoluteUri + "/");
        return Uri.TryCreate(baseUrl, chartUrl.Trim(), out var resolved)
            ? resolved
            : throw new HelmException(HelmErrorKind.MalformedIndex, $"malformed index.yaml from {repoUrl}: bad chart URL '{chartUrl}'");
    }
}
