using System.Collections.Specialized;
using System.Text.Json.Nodes;

namespace Dray.Steps.Tests.Contracts;

public sealed record RecordedRequest(string Method, string Path, NameValueCollection Query, NameValueCollection Headers, JsonNode? Body, string RawUrl);
