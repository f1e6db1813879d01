namespace Dray.Core.Resources;

/// <summary>The fixed set of kinds Dray understands. Immutable; there is no runtime registration.</summary>
public static class ResourceKinds
{
    public const string KargoApiVersion = "kargo.akuity.io/v1alpha1";
    public const string RolloutsApiVersion = "argoproj.io/v1alpha1";

    public static readonly ResourceKind Project = new("Project", KargoApiVersion, "projects", false, ["project", "proj"]);
    public static readonly ResourceKind ProjectConfig = new("ProjectConfig", KargoApiVersion, "projectconfigs", true, ["projectconfig"]);
    public static readonly ResourceKind Warehouse = new("Warehouse", KargoApiVersion, "warehouses", true, ["warehouse", "wh"]);
    public static readonly ResourceKind Stage = new("Stage", KargoApiVersion, "stages", true, ["stage"]);
    public static readonly ResourceKind Freight = new("Freight", KargoApiVersion, "freight", true, ["freights"]);
    public static readonly ResourceKind Promotion = new("Promotion", KargoApiVersion, "promotions", true, ["promotion", "promo", "promos"]);
    public static readonly ResourceKind PromotionTask = new("PromotionTask", KargoApiVersion, "promotiontasks", true, ["promotiontask", "promotask", "promotasks"]);
    public static readonly ResourceKind ClusterPromotionTask = new("ClusterPromotionTask", KargoApiVersion, "clusterpromotiontasks", false, ["clusterpromotiontask", "clusterpromotask", "clusterpromotasks"]);
    public static readonly ResourceKind AnalysisTemplate = new("AnalysisTemplate", RolloutsApiVersion, "analysistemplates", true, ["analysistemplate", "at"]);
    public static readonly ResourceKind AnalysisRun = new("AnalysisRun", RolloutsApiVersion, "analysisruns", true, ["analysisrun", "ar"]);
    public static readonly ResourceKind Secret = new("Secret", "v1", "secrets", true, ["secret"]);

    /// <summary>Every stored kind, in the order a multi-document apply writes them (dependencies first).</summary>
    public static readonly IReadOnlyList<ResourceKind> All =
    [
        Project, ProjectConfig, Secret, ClusterPromotionTask, PromotionTask, AnalysisTemplate,
        Warehouse, Stage, Freight, Promotion, AnalysisRun,
    ];

    public static ResourceKind? FindByKind(string apiVersion, string kind) =>
        All.FirstOrDefault(k => k.Kind == kind && k.ApiVersion == apiVersion);

    public static ResourceKind? FindByKind(string kind) => All.FirstOrDefault(k => k.Kind == kind);

    /// <summary>Finds a kind by any name a user may type: kind, plural or alias, case-insensitive.</summary>
    public static ResourceKind? Find(string name) => All.FirstOrDefault(k => k.Matches(name));
}
