using System.CommandLine;

namespace Dray.Cli.Infrastructure;

/// <summary>Polls the server for <c>--wait</c>.</summary>
internal static class Poll
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    public static Option<TimeSpan> TimeoutOption() => new("--timeout")
    {
        Description = "How long --wait waits",
        DefaultValueFactory = _ => TimeSpan.FromMinutes(5),
    };

    /// <summary>Calls <paramref name="check"/> until it returns a value or <paramref name="timeout"/> passes.</summary>
    public static async Task<T> UntilAsync<T>(CliContext ctx, Func<Task<T?>> check, TimeSpan timeout, string what, CancellationToken ct)
        where T : class
    {
        var deadline = ctx.Time.GetUtcNow() + timeout;
        while (true)
        {
            if (await check().ConfigureAwait(false) is { } result)
            {
                return result;
            }

            if (ctx.Time.GetUtcNow() >= deadline)
            {
                throw new CliException($"timed out after {timeout} waiting for {what}", ExitCodes.Error);
            }

            await Task.Delay(Interval, ctx.Time, ct).ConfigureAwait(false);
        }
    }
}
