using System.CommandLine;
using Dray.Cli.Config;
using Dray.Client;

namespace Dray.Cli.Infrastructure;

/// <summary>Resolves server, token and project: flag, then environment, then config file.</summary>
internal sealed class Connection(CliContext ctx, GlobalOptions options, ParseResult parseResult)
{
    private CliConfig? _config;

    public async Task<CliConfig> ConfigAsync(CancellationToken ct) =>
        _config ??= await ConfigStore.For(ctx).LoadAsync(ct).ConfigureAwait(false);

    public async Task<DrayClient> OpenAsync(CancellationToken ct)
    {
        var config = await ConfigAsync(ct).ConfigureAwait(false);
        var server = First(parseResult.GetValue(options.Server), ctx.GetEnvironment("DRAY_SERVER"), config.Server)
            ?? throw new CliException("no server given; run 'dray login URL --admin', or pass --server or set DRAY_SERVER");
        var token = First(parseResult.GetValue(options.Token), ctx.GetEnvironment("DRAY_TOKEN"), config.Token);
        Uri uri;
        try
        {
            uri = DrayClient.ParseServer(server);
        }
        catch (FormatException ex)
        {
            throw new CliException(ex.Message, ExitCodes.Usage);
        }

        return new DrayClient(uri, token);
    }

    /// <summary>The explicit <c>--project</c>, else the config's; null when neither is set.</summary>
    public async Task<string?> ProjectAsync(Option<string?> projectOption, CancellationToken ct) =>
        First(parseResult.GetValue(projectOption), (await ConfigAsync(ct).ConfigureAwait(false)).Project);

    public async Task<string> RequireProjectAsync(Option<string?> projectOption, CancellationToken ct) =>
        await ProjectAsync(projectOption, ct).ConfigureAwait(false)
        ?? throw new CliException("no project given; pass --project NAME or run 'dray config set-project NAME'", ExitCodes.Usage);

    private static string? First(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrEmpty(v));
}
