using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace Dray.Core.Steps;

/// <summary>The registered steps by <c>uses</c> name. Built once at startup; a duplicate name is a startup error.</summary>
public sealed class PromotionStepRegistry
{
    private readonly FrozenDictionary<string, PromotionStepRegistration> _registrations;
    private readonly IServiceProvider _services;

    public PromotionStepRegistry(IEnumerable<PromotionStepRegistration> registrations, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        var byName = new Dictionary<string, PromotionStepRegistration>(StringComparer.Ordinal);
        foreach (var registration in registrations)
        {
            if (!byName.TryAdd(registration.Name, registration))
            {
                throw new InvalidOperationException(
                    $"Promotion step \"{registration.Name}\" is registered twice ({byName[registration.Name].StepType.Name} and {registration.StepType.Name}).");
            }
        }

        _registrations = byName.ToFrozenDictionary(StringComparer.Ordinal);
        _services = services;
    }

    public IEnumerable<string> Names => _registrations.Keys.Order(StringComparer.Ordinal);

    public bool TryGet(string name, [NotNullWhen(true)] out IPromotionStep? step)
    {
        if (_registrations.TryGetValue(name, out var registration))
        {
            step = registration.Factory(_services);
            return true;
        }

        step = null;
        return false;
    }

    /// <summary>The config schema of a step, or null when the step is unknown or does not describe its config.</summary>
    public JsonObject? Schema(string name) =>
        TryGet(name, out var step) && step is IStepConfigSchema described ? described.ConfigSchema : null;
}
