using System.Text.Json.Nodes;
using Dray.Core.Model.Analysis;
using Dray.Core.Verification;

namespace Dray.Core.Tests.Verification;

public sealed class MetricConditionsTests
{
    private static Metric Metric(string? success, string? failure) => new()
    {
        Name = "m",
        SuccessCondition = success,
        FailureCondition = failure,
        Provider = new MetricProvider { Web = new WebMetric { Url = "http://127.0.0.1/" } },
    };

    [Theory]
    [InlineData("[0.97]", "result[0] >= 0.95", null, AnalysisPhase.Successful)]
    [InlineData("[0.90]", "result[0] >= 0.95", null, AnalysisPhase.Failed)]
    [InlineData("\"ok\"", "result == \"ok\"", null, AnalysisPhase.Successful)]
    [InlineData("\"down\"", "result == \"ok\"", null, AnalysisPhase.Failed)]
    [InlineData("[1,2]", "len(result) > 0", null, AnalysisPhase.Successful)]
    [InlineData("[]", "len(result) > 0", null, AnalysisPhase.Failed)]
    [InlineData("5", null, "result > 10", AnalysisPhase.Successful)]
    [InlineData("50", null, "result > 10", AnalysisPhase.Failed)]
    [InlineData("5", "result < 3", "result > 10", AnalysisPhase.Inconclusive)]
    [InlineData("50", "result > 3", "result > 10", AnalysisPhase.Failed)]
    [InlineData("2", "result < 3", "result > 10", AnalysisPhase.Successful)]
    [InlineData("\"anything\"", null, null, AnalysisPhase.Successful)]
    [InlineData("true", "result", null, AnalysisPhase.Successful)]
    [InlineData("\"7\"", "asInt(result) == 7", null, AnalysisPhase.Successful)]
    [InlineData("\"0.5\"", "asFloat(result) < 1", null, AnalysisPhase.Successful)]
    public void Conditions_decide_the_measurement(string json, string? success, string? failure, AnalysisPhase expected)
    {
        MetricConditions.Evaluate(Metric(success, failure), JsonNode.Parse(json)).Phase.ShouldBe(expected);
    }

    [Theory]
    [InlineData("[]", "result[0] > 1")]
    [InlineData("5", "result + 1")]
    [InlineData("5", "result >")]
    public void Broken_conditions_are_errors(string json, string success)
    {
        var (phase, message) = MetricConditions.Evaluate(Metric(success, null), JsonNode.Parse(json));

        phase.ShouldBe(AnalysisPhase.Error);
        message.ShouldNotBeNullOrEmpty();
    }
}
