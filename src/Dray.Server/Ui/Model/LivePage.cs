using Dray.Server.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Dray.Server.Ui.Model;

/// <summary>
/// A detail page of one project: checks that the caller may see it, loads, and reloads whenever the project changes
/// in the store (through <see cref="ProjectChangeFeed"/>, so the browser never polls).
/// </summary>
public abstract class LivePage : ComponentBase, IAsyncDisposable
{
    private bool _started;

    [Inject]
    private AuthenticationStateProvider Authentication { get; set; } = default!;

    [Inject]
    private ProjectChangeFeed Changes { get; set; } = default!;

    [Inject]
    protected DetailReader Reader { get; set; } = default!;

    [Parameter]
    public string Project { get; set; } = "";

    [Parameter]
    public string Name { get; set; } = "";

    protected bool Denied { get; private set; }

    protected bool Loaded { get; private set; }

    /// <summary>True once the page follows the change feed (interactive render only).</summary>
    protected bool Live { get; private set; }

    protected UiContext Context { get; private set; } = new("", null, false);

    protected override async Task OnParametersSetAsync()
    {
        var identity = await UiIdentity.GetAsync(Authentication);
        Denied = identity is null || !identity.CanSeeProject(Project);
        Context = new UiContext(Project, identity?.Subject, identity?.Allows(Role.Promoter, Project) == true);
        if (!Denied)
        {
            await LoadAsync(CancellationToken.None);
            Loaded = true;
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Only the interactive render reaches here: the prerender never subscribes.
        if (firstRender && !Denied && !_started)
        {
            _started = true;
            var revision = await Reader.GetRevisionAsync(CancellationToken.None);
            Changes.Start(Project, revision, ReloadAsync);
            Live = true;
            StateHasChanged();
        }
    }

    /// <summary>Reads what the page shows.</summary>
    protected abstract Task LoadAsync(CancellationToken ct);

    protected Task ReloadAsync() => InvokeAsync(async () =>
    {
        await LoadAsync(CancellationToken.None);
        StateHasChanged();
    });

    public async ValueTask DisposeAsync()
    {
        await Changes.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
