using System.Text.Json.Serialization;

namespace Dray.Core.Model.Projects;

public enum IndexSelectorKey
{
    [JsonStringEnumMemberName("subscribedURLs")]
    SubscribedUrls,

    [JsonStringEnumMemberName("receiverPaths")]
    ReceiverPaths,
}
