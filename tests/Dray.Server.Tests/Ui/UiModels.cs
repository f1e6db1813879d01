using System.Text.Json;
using Dray.Core.Model.Common;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Stages;

namespace Dray.Server.Tests.Ui;

/// <summary>Typed Kargo records for component tests.</summary>
internal static class UiModels
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    public static Freight Freight(string name, string alias, FreightStatus? status = null) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "demo" },
        Alias = alias,
        Origin = new FreightOrigin { Kind = FreightOriginKind.Warehouse, Name = "app" },
        DiscoveredAt = Now.AddMinutes(-5),
        Status = status,
    };

    public static Stage Stage(string name, params (string Freight, VerificationPhase? Verification)[] history) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "demo" },
        Spec = new StageSpec
        {
            RequestedFreight = [new FreightRequest { Origin = new FreightOrigin { Kind = FreightOriginKind.Warehouse, Name = "app" }, Sources = new FreightSources { Direct = true } }],
        },
        Status = new StageStatus
        {
            FreightHistory = [.. history.Select((h, i) => new FreightCollection
            {
                Id = "c" + i,
                Items = new Dictionary<string, FreightReference> { ["Warehouse/app"] = new() { Name = h.Freight, Origin = new FreightOrigin { Kind = FreightOriginKind.Warehouse, Name = "app" } } },
                VerificationHistory = h.Verification is { } phase
                    ? [new VerificationInfo { Id = "v" + i, Phase = phase, AnalysisRun = new AnalysisRunReference { Namespace = "demo", Name = "run-" + i, Phase = phase.ToString() } }]
                    : null,
            })],
        },
    };

    public static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
