using Microsoft.AspNetCore.Components;

namespace Dray.Server.Tests.Ui;

/// <summary>Renders its child content; lets a test render providers next to the component under test.</summary>
public sealed class ContainerFragment : ComponentBase
{
    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddContent(0, ChildContent);
    }
}
