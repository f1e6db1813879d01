using Dray.Sources.Oci;

namespace Dray.Sources.Tests.Oci;

public sealed class BuildTimeTests
{
    private static readonly Dictionary<string, string> None = [];

    [Fact]
    public void Takes_the_latest_of_annotation_labels_and_config_created()
    {
        var configCreated = DateTimeOffset.Parse("2024-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var annotations = new Dictionary<string, string> { [BuildTime.OciCreated] = "2024-03-01T10:00:00Z" };
        var labels = new Dictionary<string, string>
        {
            [BuildTime.OciCreated] = "2024-02-01T00:00:00Z",
            [BuildTime.LabelSchemaBuildDate] = "2024-03-01T12:30:00+02:00",
        };

        BuildTime.Latest(annotations, labels, configCreated).ShouldBe(DateTimeOffset.Parse("2024-03-01T10:30:00Z", System.Globalization.CultureInfo.InvariantCulture));
        BuildTime.Latest(None, None, configCreated).ShouldBe(configCreated);
        BuildTime.Latest(annotations, None, null)!.Value.Month.ShouldBe(3);
    }

    [Fact]
    public void Unparsable_or_missing_times_count_as_unknown()
    {
        var labels = new Dictionary<string, string> { [BuildTime.LabelSchemaBuildDate] = "yesterday-ish" };

        BuildTime.Latest(None, labels, null).ShouldBeNull();
    }
}
