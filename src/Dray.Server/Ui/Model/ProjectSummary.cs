namespace Dray.Server.Ui.Model;

/// <summary>One row of the projects page.</summary>
public sealed record ProjectSummary(string Name, int Stages, int Healthy, int PromotionsRunning, int PromotionsFailed);
