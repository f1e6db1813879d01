using Dray.Core.Model.Stages;
using Dray.Core.Stages.HealthChecks;

namespace Dray.Core.Tests.Stages;

public sealed class StageHealthTests
{
    [Fact]
    public void The_worst_check_wins_and_issues_add_up()
    {
        var combined = StageHealth.Combine([
            new Health { Status = HealthState.Healthy },
            new Health { Status = HealthState.Progressing, Issues = ["app a is Progressing"] },
            new Health { Status = HealthState.Unknown, Issues = ["app b not found"] },
        ]);
        combined.Status.ShouldBe(HealthState.Unknown);
        combined.Issues.ShouldBe(["app a is Progressing", "app b not found"]);
        StageHealth.Combine([new Health { Status = HealthState.Unhealthy }, new Health { Status = HealthState.Unknown }]).Status.ShouldBe(HealthState.Unhealthy);
    }

    [Fact]
    public void No_checks_is_healthy_and_only_healthy_allows_verification()
    {
        StageHealth.Combine([]).Status.ShouldBe(HealthState.Healthy);
        StageHealth.AllowsVerification(null).ShouldBeTrue();
        StageHealth.AllowsVerification(new Health { Status = HealthState.Progressing }).ShouldBeFalse();
    }
}
