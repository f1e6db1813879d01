namespace Dray.Core.Steps;

/// <summary>
/// Raised inside a step for a condition that ends the run; <see cref="PromotionStep{TConfig}"/> turns it into an
/// Errored result at the step boundary. Terminal ones (bad config, path escapes) are never retried.
/// </summary>
public sealed class StepException : Exception
{
    public StepException()
    {
    }

    public StepException(string message)
        : base(message)
    {
    }

    public StepException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StepException(string message, bool terminal)
        : base(message) => Terminal = terminal;

    public bool Terminal { get; }
}
