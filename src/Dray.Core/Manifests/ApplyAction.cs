namespace Dray.Core.Manifests;

/// <summary>What an apply did to one resource; printed in lower case (<c>created</c>, <c>configured</c>, <c>unchanged</c>).</summary>
public enum ApplyAction
{
    Created,
    Configured,
    Unchanged,
}
