using Dray.Core.Controllers;
using Dray.Core.Resources;

namespace Dray.Core.Tests.Controllers;

/// <summary>A scoped reconciler: one instance (and one scope id) per reconcile.</summary>
public sealed class RecordingReconciler(Recorder recorder) : IReconciler<ResourceKey>
{
    private readonly Guid _scope = Guid.NewGuid();

    public Task<ReconcileResult> ReconcileAsync(ResourceKey key, CancellationToken cancellationToken) => recorder.RecordAsync(key, _scope);
}
