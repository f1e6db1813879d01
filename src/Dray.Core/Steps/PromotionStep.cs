using System.Text.Json.Nodes;

namespace Dray.Core.Steps;

/// <summary>
/// The base of steps with a typed config: binds and validates <see cref="StepContext.Config"/> once, then runs.
/// Invalid config is a terminal failure; a <see cref="StepException"/> or an I/O error becomes an Errored result.
/// </summary>
public abstract class PromotionStep<TConfig> : IPromotionStep, IStepConfigSchema
    where TConfig : class
{
    public JsonObject ConfigSchema => StepSchemas.For<TConfig>();

    public async ValueTask<StepResult> RunAsync(StepContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!StepConfigBinder.TryBind<TConfig>(context.Config, out var config, out var error))
        {
            return StepResult.Failed($"invalid config: {error}", terminal: true);
        }

        try
        {
            return await RunAsync(context, config, ct);
        }
        catch (StepException e)
        {
            return StepResult.Errored(e.Message, e.Terminal);
        }
        catch (IOException e)
        {
            return StepResult.Errored(e.Message);
        }
        catch (UnauthorizedAccessException e)
        {
            return StepResult.Errored(e.Message);
        }
    }

    protected abstract ValueTask<StepResult> RunAsync(StepContext context, TConfig config, CancellationToken ct);
}
