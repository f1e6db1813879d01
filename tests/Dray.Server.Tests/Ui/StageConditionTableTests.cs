using Bunit;
using Dray.Core.Model.Common;
using Dray.Server.Ui.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dray.Server.Tests.Ui;

/// <summary>The Stage page's conditions table.</summary>
public sealed class StageConditionTableTests : UiTestContext
{
    public StageConditionTableTests() => Bunit.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(UiModels.Now));

    private static Condition Condition(string type, ConditionStatus status, string reason, string message, int minutesAgo) => new()
    {
        Type = type,
        Status = status,
        Reason = reason,
        Message = message,
        LastTransitionTime = UiModels.Now.AddMinutes(-minutesAgo),
    };

    [Fact]
    public void Each_condition_shows_status_reason_message_and_age()
    {
        IReadOnlyList<Condition> conditions =
        [
            Condition("Ready", ConditionStatus.False, "VerificationFailed", "Verification v1 failed: metric smoke assessed Failed", 5),
            Condition("Healthy", ConditionStatus.True, "Healthy", "Stage is healthy", 90),
        ];

        var cut = Render<StageConditionTable>(p => p.Add(c => c.Conditions, conditions));

        var ready = cut.Find("tr[data-condition='Ready']").TextContent;
        ready.ShouldContain("False");
        ready.ShouldContain("VerificationFailed");
        ready.ShouldContain("metric smoke assessed Failed");
        ready.ShouldContain("5m ago");
        cut.Find("tr[data-condition='Healthy']").TextContent.ShouldContain("1h ago");
    }

    [Fact]
    public void No_conditions_render_nothing()
    {
        var cut = Render<StageConditionTable>(p => p.Add(c => c.Conditions, null));
        cut.Markup.Trim().ShouldBeEmpty();
    }
}
