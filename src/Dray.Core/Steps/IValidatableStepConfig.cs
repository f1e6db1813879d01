namespace Dray.Core.Steps;

/// <summary>Rules a schema generated from a record cannot express, such as "exactly one of".</summary>
public interface IValidatableStepConfig
{
    /// <summary>Problems as <c>config.field: message</c>; empty when the config is valid.</summary>
    IEnumerable<string> Validate();
}
