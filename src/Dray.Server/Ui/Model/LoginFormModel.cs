namespace Dray.Server.Ui.Model;

/// <summary>What the login form posts.</summary>
public sealed class LoginFormModel
{
    public LoginMode Mode { get; set; } = LoginMode.AdminPassword;

    public string? Secret { get; set; }
}
