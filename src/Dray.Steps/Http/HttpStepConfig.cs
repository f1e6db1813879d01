using System.ComponentModel.DataAnnotations;
using Dray.Core.Durations;
using Dray.Core.Expressions;
using Dray.Core.Steps;

namespace Dray.Steps.Http;

public sealed record HttpStepConfig : IValidatableStepConfig
{
    [RegularExpression("^(GET|HEAD|POST|PUT|PATCH|DELETE)$")]
    public string Method { get; init; } = "GET";

    [MinLength(1)]
    public required string Url { get; init; }

    public IReadOnlyList<HttpNameValue>? Headers { get; init; }

    public IReadOnlyList<HttpNameValue>? QueryParams { get; init; }

    public string? Body { get; init; }

    public bool InsecureSkipTLSVerify { get; init; }

    /// <summary>Per request, as a Go duration; 10s when unset.</summary>
    public string? Timeout { get; init; }

    /// <summary>How long to wait before asking again when neither expression decided; 10s when unset, never less.</summary>
    public string? PollInterval { get; init; }

    /// <summary>A raw expr-lang expression over <c>response</c>; true means success.</summary>
    public string? SuccessExpression { get; init; }

    /// <summary>A raw expr-lang expression over <c>response</c>; true means a terminal failure.</summary>
    public string? FailureExpression { get; init; }

    public IReadOnlyList<HttpOutputConfig>? Outputs { get; init; }

    public IEnumerable<string> Validate()
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            yield return $"config.url: \"{Url}\" is not an absolute http or https URL";
        }
        else if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            yield return "config.url: credentials in the URL are not allowed; send them in a header";
        }

        foreach (var (field, text) in new[] { ("timeout", Timeout), ("pollInterval", PollInterval) })
        {
            if (text is not null && (!GoDuration.TryParse(text, out var d) || d <= TimeSpan.Zero))
            {
                yield return $"config.{field}: \"{text}\" is not a positive duration";
            }
        }

        foreach (var (field, text) in new[] { ("successExpression", SuccessExpression), ("failureExpression", FailureExpression) })
        {
            if (!string.IsNullOrWhiteSpace(text) && ParseError(text) is { } error)
            {
                yield return $"config.{field}: {error}";
            }
        }

        for (var i = 0; i < (Outputs?.Count ?? 0); i++)
        {
            if (ParseError(Outputs![i].FromExpression) is { } error)
            {
                yield return $"config.outputs[{i}].fromExpression: {error}";
            }

            if (Outputs.Take(i).Any(o => o.Name == Outputs[i].Name))
            {
                yield return $"config.outputs[{i}].name: \"{Outputs[i].Name}\" is used twice";
            }
        }
    }

    private static string? ParseError(string expression)
    {
        try
        {
            CompiledExpression.Parse(expression);
            return null;
        }
        catch (ExpressionException e)
        {
            return e.Message;
        }
    }
}
