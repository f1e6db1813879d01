using Dray.Core.Model;
using Dray.Core.Model.Common;
using Dray.Core.Model.Stages;
using Dray.Core.Resources;
using Dray.Core.Storage;

namespace Dray.Core.Stages.Verifying;

/// <summary>
/// Re-verify and abort-verification requests, as Kargo does them: the annotation <c>kargo.akuity.io/reverify</c>
/// or <c>kargo.akuity.io/abort</c> on the Stage names the latest verification; the Stage controller acts on it.
/// </summary>
public sealed class StageVerificationService(IResourceStore store)
{
    private const int MaxAttempts = 10;

    /// <summary>Null when the request was recorded, else why it cannot be.</summary>
    /// <exception cref="ResourceNotFoundException">No such Stage.</exception>
    public Task<string?> ReverifyAsync(string project, string stage, string? actor, CancellationToken ct) =>
        AnnotateAsync(project, stage, actor, KargoAnnotations.Reverify, ct);

    /// <inheritdoc cref="ReverifyAsync"/>
    public Task<string?> AbortAsync(string project, string stage, string? actor, CancellationToken ct) =>
        AnnotateAsync(project, stage, actor, KargoAnnotations.Abort, ct);

    private async Task<string?> AnnotateAsync(string project, string stageName, string? actor, string annotation, CancellationToken ct)
    {
        var key = new ResourceKey(ResourceKinds.Stage.Kind, project, stageName);
        for (var attempt = 1; ; attempt++)
        {
            var document = await store.GetAsync(key, ct).ConfigureAwait(false) ?? throw new ResourceNotFoundException(key);
            var stage = KargoJson.FromDocument<Stage>(document);
            var latest = StageVerificationRules.LatestVerification(stage);
            var abort = annotation == KargoAnnotations.Abort;
            if (latest?.Id is null)
            {
                return abort ? $"Stage \"{stageName}\" has no verification to abort" : $"Stage \"{stageName}\" has no verification to repeat yet";
            }

            var running = !StageVerificationRules.IsTerminal(latest.Phase);
            if (abort && !running)
            {
                return $"verification {latest.Id} has already finished ({latest.Phase}); there is nothing to abort";
            }

            if (!abort && running)
            {
                return $"verification {latest.Id} is still {latest.Phase}; abort it first or wait for it to finish";
            }

            var updated = document.Clone();
            updated.SetAnnotation(annotation, new VerificationRequest(latest.Id, actor).ToAnnotationValue());
            try
            {
                await store.UpdateAsync(updated, ct).ConfigureAwait(false);
                return null;
            }
            catch (ResourceConflictException) when (attempt < MaxAttempts)
            {
                // The controller wrote status meanwhile: read again and retry.
            }
        }
    }
}
