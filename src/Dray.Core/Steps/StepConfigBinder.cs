using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dray.Core.Model;

namespace Dray.Core.Steps;

/// <summary>Validates a step's evaluated config against its record's schema, then binds it to the record.</summary>
public static class StepConfigBinder
{
    public static bool TryBind<TConfig>(
        JsonObject config,
        [NotNullWhen(true)] out TConfig? bound,
        [NotNullWhen(false)] out string? error)
        where TConfig : class
    {
        ArgumentNullException.ThrowIfNull(config);
        bound = null;
        var errors = new List<string>();
        StepSchemaValidator.Validate(config, StepSchemas.Shared<TConfig>(), "config", errors);
        if (errors.Count == 0)
        {
            try
            {
                bound = config.Deserialize<TConfig>(KargoJson.Options);
            }
            catch (JsonException e)
            {
                errors.Add($"{ToConfigPath(e.Path)}: {e.Message}");
            }
        }

        if (bound is IValidatableStepConfig validatable)
        {
            errors.AddRange(validatable.Validate());
        }

        if (errors.Count > 0 || bound is null)
        {
            bound = null;
            error = errors.Count > 0 ? string.Join("; ", errors) : "config: could not be read";
            return false;
        }

        error = null;
        return true;
    }

    private static string ToConfigPath(string? jsonPath) =>
        jsonPath is null or "$" ? "config" : "config" + jsonPath.TrimStart('$');
}
