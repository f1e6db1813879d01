using Dray.Core.Model.Common;
using Dray.Core.Model.Freights;
using Dray.Core.Model.Promotions;
using Dray.Core.Model.Stages;

namespace Dray.Core.Tests.Stages;

/// <summary>Small builders for real model records.</summary>
internal static class StageFixtures
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    public static FreightOrigin Warehouse(string name = "w") => new() { Kind = FreightOriginKind.Warehouse, Name = name };

    public static Stage Stage(
        string name,
        FreightSources sources,
        string warehouse = "w",
        IReadOnlyDictionary<string, string>? labels = null,
        bool steps = true) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "p", Labels = labels },
        Spec = new StageSpec
        {
            RequestedFreight = [new FreightRequest { Origin = Warehouse(warehouse), Sources = sources }],
            PromotionTemplate = steps
                ? new PromotionTemplate { Spec = new PromotionTemplateSpec { Steps = [new PromotionStep { Uses = "fake" }] } }
                : null,
        },
    };

    public static FreightSources From(params string[] stages) => new() { Stages = stages };

    public static Freight Freight(string name, DateTimeOffset? discovered = null, string warehouse = "w", FreightStatus? status = null) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "p", Uid = "uid-" + name },
        Origin = Warehouse(warehouse),
        DiscoveredAt = discovered ?? Now.AddHours(-1),
        Status = status,
    };

    public static FreightStatus VerifiedIn(string stage, string? longestSoak = null, DateTimeOffset? since = null) => new()
    {
        VerifiedIn = new Dictionary<string, VerifiedStage> { [stage] = new() { VerifiedAt = Now.AddDays(-1), LongestSoak = longestSoak } },
        CurrentlyIn = since is { } s ? new Dictionary<string, CurrentStage> { [stage] = new() { Since = s } } : null,
    };

    public static Promotion Promotion(string name, string stage, string freight, PromotionPhase? phase, string? actor = "admin") => new()
    {
        Metadata = new ObjectMeta
        {
            Name = name,
            Namespace = "p",
            Annotations = actor is null ? null : new Dictionary<string, string> { [KargoAnnotations.CreateActor] = actor },
        },
        Spec = new PromotionSpec { Stage = stage, Freight = freight, Steps = [new PromotionStep { Uses = "fake" }] },
        Status = phase is null ? null : new PromotionStatus
        {
            Phase = phase,
            Freight = new FreightReference { Name = freight, Origin = Warehouse() },
            FinishedAt = Now,
        },
    };

    public static FreightCollection Collection(string id, string freight, params VerificationInfo[] verifications) => new()
    {
        Id = id,
        Items = new Dictionary<string, FreightReference> { ["Warehouse/w"] = new() { Name = freight, Origin = Warehouse() } },
        VerificationHistory = verifications,
    };
}
