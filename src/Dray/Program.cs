using Dray.Cli.Infrastructure;

namespace Dray.Cli;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };
        var ctx = new CliContext(
            Console.Out,
            Console.Error,
            Console.In,
            !Console.IsInputRedirected,
            ReadEnvironment,
            Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
            Environment.CurrentDirectory,
            TimeProvider.System);
        return await DrayApp.RunAsync(args, ctx, cts.Token).ConfigureAwait(false);
    }

#pragma warning disable RS0030 // The process entry point is the host: the one place that reads the real environment.
    private static string? ReadEnvironment(string name) => Environment.GetEnvironmentVariable(name);
#pragma warning restore RS0030
}
