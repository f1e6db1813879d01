using Dray.Core.Versioning;
using Dray.Core.Model.Warehouses;

namespace Dray.Sources.Oci;

/// <summary>An <see cref="ImageDiscoveryRequest"/> checked and compiled once; invalid input is a configuration error.</summary>
internal sealed record ImageDiscoveryPlan(
    ImageReference Image,
    ImageSelectionStrategy Strategy,
    TagFilter Filter,
    MastermindsConstraint? Constraint,
    string? DigestTag,
    OciPlatform? Platform,
    int Limit)
{
    public static ImageDiscoveryPlan Create(ImageDiscoveryRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var image = ImageReference.Parse(request.RepoUrl, request.PlainHttp);
        if (request.DiscoveryLimit is < 1 or > ImageDiscoveryRequest.MaxDiscoveryLimit)
        {
            throw new FormatException($"discoveryLimit must be between 1 and {ImageDiscoveryRequest.MaxDiscoveryLimit}, not {request.DiscoveryLimit}");
        }

        var platform = request.Platform is { Length: > 0 } text ? OciPlatform.Parse(text) : null;
        var constraintText = request.Constraint?.Trim();
        MastermindsConstraint? constraint = null;
        string? digestTag = null;
        switch (request.Strategy)
        {
            case ImageSelectionStrategy.SemVer when !string.IsNullOrEmpty(constraintText):
                constraint = MastermindsConstraint.Parse(constraintText);
                break;
            case ImageSelectionStrategy.Digest when string.IsNullOrEmpty(constraintText):
                throw new FormatException("the Digest image selection strategy needs the tag to track in 'constraint'");
            case ImageSelectionStrategy.Digest:
                digestTag = constraintText;
                break;
        }

        return new ImageDiscoveryPlan(
            image,
            request.Strategy,
            TagFilter.Create(request.AllowTagsRegexes, request.IgnoreTagsRegexes),
            constraint,
            digestTag,
            platform,
            request.DiscoveryLimit);
    }
}
