namespace Dray.Server.Ui.Model;

public enum LoginMode
{
    AdminPassword,
    ApiToken,
}
