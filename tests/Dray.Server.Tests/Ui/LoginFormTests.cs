using Bunit;
using Dray.Server.Ui.Components;
using Dray.Server.Ui.Model;

namespace Dray.Server.Tests.Ui;

public sealed class LoginFormTests : UiTestContext
{
    [Fact]
    public void Offers_admin_password_and_api_token_with_a_masked_field()
    {
        var cut = Render<LoginForm>(p => p.Add(c => c.Model, new LoginFormModel()));

        cut.FindAll("input[type=radio]").Count.ShouldBe(2);
        cut.Markup.ShouldContain("Admin password");
        cut.Markup.ShouldContain("API token");
        cut.Find("#dray-secret").GetAttribute("type").ShouldBe("password");
        cut.Markup.ShouldNotContain("not accepted");
    }

    [Fact]
    public void Submitting_passes_the_chosen_mode_and_secret()
    {
        LoginFormModel? submitted = null;
        var cut = Render<LoginForm>(p => p
            .Add(c => c.Model, new LoginFormModel())
            .Add(c => c.OnLogin, (LoginFormModel m) => submitted = m));

        cut.FindAll("input[type=radio]")[1].Change("ApiToken");
        cut.Find("#dray-secret").Change("dray_abc");
        cut.Find("form").Submit();

        submitted.ShouldNotBeNull();
        submitted.Mode.ShouldBe(LoginMode.ApiToken);
        submitted.Secret.ShouldBe("dray_abc");
    }

    [Fact]
    public void A_failed_attempt_shows_an_error()
    {
        var cut = Render<LoginForm>(p => p.Add(c => c.Model, new LoginFormModel()).Add(c => c.Failed, true));

        cut.Markup.ShouldContain("That password or token was not accepted.");
    }
}
