using MudBlazor;

namespace Dray.Server.Ui.Layout;

/// <summary>The one theme, with a light and a dark palette.</summary>
public static class DrayTheme
{
    public static MudTheme Create() => new()
    {
        PaletteLight = new PaletteLight { Primary = "#3557c7", AppbarBackground = "#23305c" },
        PaletteDark = new PaletteDark { Primary = "#8ca6ff", AppbarBackground = "#1b1f2e" },
    };
}
