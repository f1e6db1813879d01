using Dray.TestKit.Infrastructure;

namespace Dray.TestKit.Tests.Infrastructure;

public sealed class ServerFixtureTests
{
    [Fact]
    public async Task Missing_binary_skips_with_the_apt_package_when_infra_is_optional()
    {
        var fixture = new MissingBinaryFixture(requireInfra: false);

        await fixture.InitializeAsync();

        var skip = Should.Throw<SkipException>(() => fixture.Use());
        skip.Message.ShouldContain("apt-get install -y dray-fake-package");
        fixture.Stops.ShouldBe(1);
    }

    [Fact]
    public async Task Missing_binary_fails_when_infra_is_required()
    {
        var fixture = new MissingBinaryFixture(requireInfra: true);

        var error = await Should.ThrowAsync<InfraMissingException>(fixture.InitializeAsync);

        error.Message.ShouldContain("dray-fake-package");
        fixture.Stops.ShouldBe(1);
    }

    [Fact]
    public void Host_binary_lookup_names_the_package_to_install()
    {
        var error = Should.Throw<InfraMissingException>(() => HostBinary.Find("dray-no-such-binary", "dray-pkg"));

        error.Message.ShouldContain("'dray-no-such-binary'");
        error.Message.ShouldContain("apt-get install -y dray-pkg");
        HostBinary.Find("sh", "dash").ShouldEndWith("/sh");
    }

    private sealed class MissingBinaryFixture(bool requireInfra) : ServerFixture
    {
        public int Stops { get; private set; }

        protected override bool RequireInfra => requireInfra;

        public void Use() => EnsureAvailable();

        protected override Task StartAsync(CancellationToken cancellationToken) =>
            Task.FromException(HostBinaryMissing());

        protected override ValueTask StopAsync()
        {
            Stops++;
            return ValueTask.CompletedTask;
        }

        private static InfraMissingException HostBinaryMissing() => InfraMissingException.For("dray-fake-server", "dray-fake-package");
    }
}
