namespace Dray.TestKit.Infrastructure;

/// <summary>A command exited non-zero; the message carries its output for the test log.</summary>
public sealed class ProcessFailedException : Exception
{
    public ProcessFailedException()
    {
    }

    public ProcessFailedException(string message)
        : base(message)
    {
    }

    public ProcessFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ProcessFailedException(ProcessResult result)
        : base(result.ToString())
    {
        Result = result;
    }

    public ProcessResult? Result { get; }
}
