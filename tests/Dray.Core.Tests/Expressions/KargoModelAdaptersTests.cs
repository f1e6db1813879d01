using System.Text.Json;
using Dray.Core.Expressions;
using Dray.Core.Expressions.Kargo;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Promotions;
using Dray.Core.Model.Warehouses;

namespace Dray.Core.Tests.Expressions;

/// <summary>Stored Kargo model records feed the expression functions through the adapters.</summary>
public sealed class KargoModelAdaptersTests
{
    [Fact]
    public void Freight_warehouse_and_step_records_answer_the_kargo_functions()
    {
        var origin = new FreightOrigin { Kind = FreightOriginKind.Warehouse, Name = "app" };
        var freight = new FreightReference
        {
            Name = "abc123",
            Origin = origin,
            Commits = [new GitCommit { RepoURL = "git@github.com:example/app.git", Id = "c0ffee", Branch = "main" }],
            Images = [new Image { RepoURL = "ghcr.io/example/app", Tag = "v2.0.1", Digest = "sha256:1" }],
            Charts = [new Chart { RepoURL = "oci://ghcr.io/example/chart", Version = "1.4.0" }],
            Artifacts = [new ArtifactReference { ArtifactType = "zip", SubscriptionName = "bundle", Version = "42", Metadata = JsonDocument.Parse("""{"size": 7}""").RootElement }],
        };
        var warehouse = new WarehouseSpec
        {
            Subscriptions =
            [
                new RepoSubscription { Git = new GitSubscription { RepoURL = "git@github.com:example/app.git" } },
                new RepoSubscription { Image = new ImageSubscription { RepoURL = "ghcr.io/example/app" } },
                new RepoSubscription { Chart = new ChartSubscription { RepoURL = "oci://ghcr.io/example/chart" } },
                new RepoSubscription { Name = "bundle" },
            ],
        };
        var context = new TestKargoContext();
        context.RequestedOrigins.Add(origin.ToExpressionView());
        context.Warehouses["app"] = warehouse.ToExpressionData();
        context.Freight.Add(freight.ToExpressionData());
        context.StepStatuses.Add(new StepExecutionMetadata { Alias = "build", Status = PromotionStepStatus.Errored, ContinueOnError = true }.ToExpressionData());
        context.StepStatuses.Add(new StepExecutionMetadata { Alias = "push", Status = PromotionStepStatus.Failed }.ToExpressionData());
        var env = ExpressionEnvironment.Empty.WithKargoFunctions(context);

        Expr.Typed(
            "[imageFrom('ghcr.io/example/app').Tag, commitFrom('ssh://git@github.com/example/app').ID, "
            + "chartFrom('oci://ghcr.io/example/chart').Version, artifactFrom('bundle').Metadata.size, status('build'), failure()]",
            env).ShouldBe("[\"v2.0.1\", \"c0ffee\", \"1.4.0\", float:7, \"Errored\", true]");
    }
}
