namespace Dray.Server.Hosting;

/// <summary>Set once the store is open and credentials are initialised; <c>/readyz</c> reports it.</summary>
public sealed class ReadinessState
{
    private volatile bool _ready;

    public bool IsReady => _ready;

    public void MarkReady() => _ready = true;
}
