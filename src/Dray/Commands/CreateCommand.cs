using System.CommandLine;
using Dray.Cli.Infrastructure;
using Dray.Core.Resources;

namespace Dray.Cli.Commands;

/// <summary><c>dray create -f FILE</c>, <c>dray create project NAME</c>, <c>dray create token NAME --role R</c>.</summary>
internal static class CreateCommand
{
    private static readonly string[] Roles = ["admin", "project-admin", "promoter", "viewer"];

    public static Command Create(CliContext ctx, GlobalOptions global)
    {
        var files = GlobalOptions.Files("A manifest file, a directory of manifests, or - (repeatable); fails if any resource exists");
        var project = GlobalOptions.Project();
        var command = new Command("create", "Create resources from manifests, or a project or an API token")
        {
            files, project, CreateProject(ctx, global), CreateToken(ctx, global),
        };
        command.SetAction((parseResult, ct) => CommandRunner.RunAsync(ctx, async () =>
        {
            var paths = parseResult.GetValue(files) ?? [];
            if (paths.Length == 0)
            {
                throw new CliException("say what to create: -f FILE, 'project NAME' or 'token NAME --role ROLE'", ExitCodes.Usage);
            }

            var manifests = await ManifestFiles.ReadAsync(ctx, paths, ct).ConfigureAwait(false);
            using var client = await new Connection(ctx, global, parseResult).OpenAsync(ct).ConfigureAwait(false);
            return await ApplyCommand.CreateAsync(ctx, client, manifests, parseResult.GetValue(project), ct).ConfigureAwait(false);
        }, ct));
        return command;
    }

    private static Command CreateProject(CliContext ctx, GlobalOptions global)
    {
        var name = new Argument<string>("NAME") { Description = "The project name" };
        var command = new Command("project", "Create a project") { name };
        command.SetAction((parseResult, ct) => CommandRunner.RunAsync(ctx, async () =>
        {
            using var client = await new Connection(ctx, global, parseResult).OpenAsync(ct).ConfigureAwait(false);
            var created = await client.CreateProjectAsync(parseResult.GetRequiredValue(name), ct).ConfigureAwait(false);
            var shown = created.Name.Length > 0 ? created.Name : parseResult.GetRequiredValue(name);
            await ctx.Out.WriteLineAsync($"{Output.ResourcePrinter.QualifiedName(ResourceKinds.Project, shown)} created").ConfigureAwait(false);
            return ExitCodes.Success;
        }, ct));
        return command;
    }

    private static Command CreateToken(CliContext ctx, GlobalOptions global)
    {
        var name = new Argument<string>("NAME") { Description = "The token name" };
        var role = new Option<string>("--role") { Description = "admin, project-admin, promoter or viewer", Required = true };
        role.AcceptOnlyFromAmong(Roles);
        var project = new Option<string?>("--project", "-p") { Description = "Limit the token to this project" };
        var command = new Command("token", "Create an API token; its value is shown once") { name, role, project };
        command.SetAction((parseResult, ct) => CommandRunner.RunAsync(ctx, async () =>
        {
            using var client = await new Connection(ctx, global, parseResult).OpenAsync(ct).ConfigureAwait(false);
            var token = await client.CreateTokenAsync(
                parseResult.GetRequiredValue(name), parseResult.GetRequiredValue(role), parseResult.GetValue(project), ct).ConfigureAwait(false);

            // The one place a token is printed: the user asked for a new one and cannot get it back later.
            await ctx.Out.WriteLineAsync(token.Token).ConfigureAwait(false);
            await ctx.Error.WriteLineAsync($"token/{token.Name} created (role {token.Role}); store it now, it is not shown again").ConfigureAwait(false);
            return ExitCodes.Success;
        }, ct));
        return command;
    }
}
