using Dray.Core.Model.Analysis;
using Dray.Core.Model.Promotions;
using Dray.Core.Model.Stages;
using MudBlazor;

namespace Dray.Server.Ui.Model;

/// <summary>How a state is shown: always an icon and a text label, the colour only reinforces them.</summary>
public sealed record MarkStyle(string Icon, Color Color, string Label)
{
    public static MarkStyle ForHealth(HealthState? health) => health switch
    {
        HealthState.Healthy => new(Icons.Material.Filled.CheckCircle, Color.Success, "Healthy"),
        HealthState.Unhealthy => new(Icons.Material.Filled.Error, Color.Error, "Unhealthy"),
        HealthState.Progressing => new(Icons.Material.Filled.Autorenew, Color.Info, "Progressing"),
        HealthState.NotApplicable => new(Icons.Material.Filled.RemoveCircleOutline, Color.Default, "Not applicable"),
        _ => new(Icons.Material.Filled.HelpOutline, Color.Default, "Health unknown"),
    };

    public static MarkStyle ForVerification(VerificationPhase? phase) => phase switch
    {
        VerificationPhase.Successful => new(Icons.Material.Filled.Verified, Color.Success, "Verified"),
        VerificationPhase.Failed or VerificationPhase.Error => new(Icons.Material.Filled.GppBad, Color.Error, $"Verification {Lower(phase)}"),
        VerificationPhase.Running or VerificationPhase.Pending => new(Icons.Material.Filled.HourglassTop, Color.Info, $"Verification {Lower(phase)}"),
        null => new(Icons.Material.Filled.RemoveCircleOutline, Color.Default, "Not verified"),
        _ => new(Icons.Material.Filled.HelpOutline, Color.Warning, $"Verification {Lower(phase)}"),
    };

    public static MarkStyle ForPromotion(PromotionPhase? phase) => phase switch
    {
        PromotionPhase.Succeeded => new(Icons.Material.Filled.Done, Color.Success, "Promotion succeeded"),
        PromotionPhase.Failed or PromotionPhase.Errored => new(Icons.Material.Filled.Close, Color.Error, $"Promotion {Lower(phase)}"),
        PromotionPhase.Running or PromotionPhase.Pending => new(Icons.Material.Filled.PlayCircle, Color.Info, $"Promotion {Lower(phase)}"),
        PromotionPhase.Aborted => new(Icons.Material.Filled.Block, Color.Warning, "Promotion aborted"),
        _ => new(Icons.Material.Filled.RemoveCircleOutline, Color.Default, "No promotion yet"),
    };

    public static MarkStyle ForStep(PromotionStepStatus? status) => status switch
    {
        PromotionStepStatus.Succeeded => new(Icons.Material.Filled.Done, Color.Success, "Succeeded"),
        PromotionStepStatus.Failed or PromotionStepStatus.Errored => new(Icons.Material.Filled.Close, Color.Error, $"{status}"),
        PromotionStepStatus.Running => new(Icons.Material.Filled.PlayCircle, Color.Info, "Running"),
        PromotionStepStatus.Aborted => new(Icons.Material.Filled.Block, Color.Warning, "Aborted"),
        PromotionStepStatus.Skipped => new(Icons.Material.Filled.SkipNext, Color.Default, "Skipped"),
        _ => new(Icons.Material.Filled.HourglassEmpty, Color.Default, "Not started"),
    };

    public static MarkStyle ForAnalysis(AnalysisPhase? phase) => phase switch
    {
        AnalysisPhase.Successful => new(Icons.Material.Filled.Verified, Color.Success, "Successful"),
        AnalysisPhase.Failed or AnalysisPhase.Error => new(Icons.Material.Filled.GppBad, Color.Error, $"{phase}"),
        AnalysisPhase.Running or AnalysisPhase.Pending => new(Icons.Material.Filled.HourglassTop, Color.Info, $"{phase}"),
        AnalysisPhase.Inconclusive => new(Icons.Material.Filled.HelpOutline, Color.Warning, "Inconclusive"),
        _ => new(Icons.Material.Filled.HelpOutline, Color.Default, "Unknown"),
    };

    public static MarkStyle ForAvailability(bool available) => available
        ? new(Icons.Material.Filled.CheckCircleOutline, Color.Success, "Available")
        : new(Icons.Material.Filled.Lock, Color.Warning, "Blocked");

    public static MarkStyle ForAutoPromotion(bool enabled) => enabled
        ? new(Icons.Material.Filled.FastForward, Color.Primary, "Auto-promotion on")
        : new(Icons.Material.Filled.PanTool, Color.Default, "Auto-promotion off");

    private static string Lower<T>(T? value)
        where T : struct, Enum => value?.ToString().ToLowerInvariant() ?? "";
}
