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
            throw new HelmException(HelmErrorKind.MalformedIndex, $"malformed index.yaml from {repoUrl}: {Describe(text, e)}", e);
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

    /// <summary>
    /// Where and what, as <c>line 3, column 5: problem</c>. Only called on failure: the text is parsed once more,
    /// without deserializing, because YamlDotNet's deserializer reports syntax errors as opaque wrappers.
    /// </summary>
    private static string Describe(string text, YamlException error)
    {
        var parser = new Parser(new StringReader(text));
        Mark last = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                last = parser.Current?.Start ?? last;
            }
        }
        catch (YamlException syntax)
        {
            return At(syntax.Start) + PositionSuffix().Replace(syntax.Message, "");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's parser gives up this way on some unclosed flow collections; the last event is the best hint.
            return At(last) + "the YAML is not well-formed from here on (look for an unclosed bracket or quote)";
        }

        var shape = ExpectedPattern().Match(error.Message) is { Success: true } expected
            ? $"expected {Node(expected.Groups["want"].Value)}, found {Node(expected.Groups["got"].Value)}"
            : "this value does not fit the index format (apiVersion, and entries mapping each chart name to a list of versions)";
        return At(error.Start) + shape;
    }

    private static string At(Mark mark) => mark.Line > 0 ? $"line {mark.Line}, column {mark.Column}: " : "";

    private static string Node(string yamlEvent) => yamlEvent switch
    {
        "MappingStart" => "a mapping",
        "SequenceStart" => "a list",
        "Scalar" => "a single value",
        _ => yamlEvent,
    };

    [GeneratedRegex(@"\s*\(at Line: \d+, Col: \d+, Idx: \d+\)")]
    private static partial Regex PositionSuffix();

    [GeneratedRegex(@"Expected '(?<want>\w+)', got '(?<got>\w+)'")]
    private static partial Regex ExpectedPattern();

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
