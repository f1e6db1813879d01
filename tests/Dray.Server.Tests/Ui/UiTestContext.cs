using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Dray.Server.Tests.Ui;

/// <summary>
/// A bunit context with MudBlazor's services; MudBlazor's JS calls are answered loosely (no browser here). Disposed
/// asynchronously because some MudBlazor services are only <see cref="IAsyncDisposable"/>, which xunit 2 would not do.
/// </summary>
public abstract class UiTestContext : IAsyncLifetime
{
    protected UiTestContext()
    {
        Bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        Bunit.Services.AddMudServices();
    }

    protected BunitContext Bunit { get; } = new();

    protected IRenderedComponent<TComponent> Render<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>> parameters)
        where TComponent : IComponent => Bunit.Render(parameters);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Bunit.DisposeAsync();
}
