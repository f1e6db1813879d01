using Dray.Core.Model.Common;
using Dray.Core.Model.Kubernetes;

namespace Dray.Core.Tests.Model.Kubernetes;

public sealed class SecretTests
{
    private static readonly Secret Credentials = new()
    {
        Metadata = new ObjectMeta { Name = "repo", Labels = new Dictionary<string, string> { [KargoLabels.CredentialType] = CredentialType.Git } },
        Data = new Dictionary<string, string> { ["password"] = "cGFzc3dvcmQ=", ["username"] = "aWdub3JlZA==", ["bad"] = "***", ["binary"] = "/w==" },
        StringData = new Dictionary<string, string> { ["username"] = "user" },
    };

    [Theory]
    [InlineData("password", "password")]
    [InlineData("username", "user")]
    public void Values_come_from_string_data_first_then_decoded_data(string key, string expected)
    {
        Credentials.TryGetValue(key, out var value).ShouldBeTrue();
        value.ShouldBe(expected);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("bad")]
    [InlineData("binary")]
    public void Absent_or_undecodable_values_are_reported_missing(string key)
    {
        Credentials.TryGetValue(key, out var value).ShouldBeFalse();
        value.ShouldBeNull();
    }
}
