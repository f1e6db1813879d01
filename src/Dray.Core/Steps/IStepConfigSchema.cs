using System.Text.Json.Nodes;

namespace Dray.Core.Steps;

/// <summary>A step that can describe its config, for the UI and for documentation.</summary>
public interface IStepConfigSchema
{
    JsonObject ConfigSchema { get; }
}
