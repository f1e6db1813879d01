namespace Dray.Server.Ui.Model;

/// <summary>Cascaded by a page to its components: the project, who acts, and whether they may act at all.</summary>
/// <param name="CanAct">The caller holds the promoter role in the project; a viewer sees no action buttons.</param>
public sealed record UiContext(string Project, string? Actor, bool CanAct);
