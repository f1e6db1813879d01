using Dray.Cli.Infrastructure;

namespace Dray.Cli.Serve;

/// <summary><c>dray quickstart --publish-every D</c>: tags a new demo-app version every D, so Freight keeps flowing.</summary>
internal static class DemoPublisher
{
    public static async Task RunAsync(
        DemoRepositories repositories, TimeSpan every, Func<string, CancellationToken, Task> published, TimeProvider time, CliContext ctx, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(repositories);
        using var timer = new PeriodicTimer(every, time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
            {
                try
                {
                    var tag = await repositories.PublishNextAsync(ct).ConfigureAwait(false);
                    await ctx.Out.WriteLineAsync($"demo: published demo-app {tag}").ConfigureAwait(false);
                    await published(tag, ct).ConfigureAwait(false);
                }
                catch (InvalidOperationException e)
                {
                    // One failed publish (say, a lock left by an editor) must not stop the server; try next time.
                    await ctx.Error.WriteLineAsync($"demo: publishing failed: {e.Message}").ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
