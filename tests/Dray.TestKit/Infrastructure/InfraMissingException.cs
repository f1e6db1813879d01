namespace Dray.TestKit.Infrastructure;

/// <summary>A server binary a fixture needs is not installed on this machine.</summary>
public sealed class InfraMissingException : Exception
{
    public InfraMissingException()
    {
    }

    public InfraMissingException(string message)
        : base(message)
    {
    }

    public InfraMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static InfraMissingException For(string binary, string aptPackage) =>
        new($"'{binary}' is not installed; install it with `apt-get install -y {aptPackage}` (or run ./test.sh, which installs every test dependency)");
}
