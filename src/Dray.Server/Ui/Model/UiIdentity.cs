using Dray.Server.Security;
using Microsoft.AspNetCore.Components.Authorization;

namespace Dray.Server.Ui.Model;

/// <summary>The signed-in caller as the circuit sees it (the cookie's identity when the page was requested).</summary>
public static class UiIdentity
{
    public static async Task<DrayIdentity?> GetAsync(AuthenticationStateProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var state = await provider.GetAuthenticationStateAsync().ConfigureAwait(false);
        return DrayIdentity.From(state.User);
    }
}
