using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dray.Core.Expressions;
using Dray.Core.Steps;

namespace Dray.Steps.Http;

/// <summary>Turns a response into the step's result: the expressions, then the status code, then the outputs.</summary>
internal static class HttpOutcome
{
    public static StepResult Decide(
        HttpStepConfig config, string target, HttpResponseMessage response, string text, TimeProvider time, TimeSpan pollInterval)
    {
        var status = (int)response.StatusCode;
        var environment = ExpressionEnvironment.Empty.WithTimeProvider(time)
            .WithVariable("response", HttpResponseView.From(response, ParseBody(response, text)));
        var failure = Evaluate(config.FailureExpression, "failureExpression", environment);
        if (failure.Error is not null)
        {
            return StepResult.Errored(failure.Error, terminal: true);
        }

        if (failure.Value)
        {
            return StepResult.Failed($"{target}: HTTP {status}: failureExpression \"{config.FailureExpression}\" is true", terminal: true);
        }

        var hasSuccess = !string.IsNullOrWhiteSpace(config.SuccessExpression);
        var success = Evaluate(config.SuccessExpression, "successExpression", environment);
        if (success.Error is not null)
        {
            return StepResult.Errored(success.Error, terminal: true);
        }

        var succeeded = hasSuccess ? success.Value : !string.IsNullOrWhiteSpace(config.FailureExpression) || status is >= 200 and < 300;
        if (succeeded)
        {
            return Outputs(config, environment);
        }

        if (IsRetryable(response.StatusCode))
        {
            return StepResult.Errored($"{target}: HTTP {status} {response.ReasonPhrase}".TrimEnd());
        }

        return hasSuccess
            ? StepResult.Running(pollInterval, $"{target}: HTTP {status}: waiting for successExpression \"{config.SuccessExpression}\"")
            : StepResult.Failed($"{target}: HTTP {status} {response.ReasonPhrase}".TrimEnd(), terminal: true);
    }

    private static bool IsRetryable(HttpStatusCode code) =>
        (int)code >= 500 || code is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout;

    private static StepResult Outputs(HttpStepConfig config, ExpressionEnvironment environment)
    {
        var outputs = new JsonObject();
        for (var i = 0; i < (config.Outputs?.Count ?? 0); i++)
        {
            var output = config.Outputs![i];
            try
            {
                outputs[output.Name] = ExpressionValues.ToJson(CompiledExpression.Evaluate(output.FromExpression, environment));
            }
            catch (ExpressionException e)
            {
                return StepResult.Errored($"config.outputs[{i}].fromExpression: {e.Message}", terminal: true);
            }
        }

        return StepResult.Succeeded(outputs);
    }

    private static (bool Value, string? Error) Evaluate(string? expression, string field, ExpressionEnvironment environment)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return (false, null);
        }

        try
        {
            return CompiledExpression.Evaluate(expression, environment) is bool value
                ? (value, null)
                : (false, $"config.{field}: \"{expression}\" must evaluate to a bool");
        }
        catch (ExpressionException e)
        {
            return (false, $"config.{field}: {e.Message}");
        }
    }

    /// <summary>JSON bodies become maps and lists, as Kargo's <c>response.body</c>; anything else stays text.</summary>
    private static object? ParseBody(HttpResponseMessage response, string text)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        var looksJson = mediaType.Contains("json", StringComparison.OrdinalIgnoreCase) || text.TrimStart().StartsWith('{') || text.TrimStart().StartsWith('[');
        if (!looksJson || text.Length == 0)
        {
            return text;
        }

        try
        {
            return ExpressionValues.FromJson(JsonNode.Parse(text));
        }
        catch (JsonException)
        {
            return text;
        }
    }
}
