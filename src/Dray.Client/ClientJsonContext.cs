using System.Text.Json;
using System.Text.Json.Serialization;
using Dray.Client.Models;

namespace Dray.Client;

// Source-generated so that the CLI pays no reflection cost at startup.
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LoginRequest))]
[JsonSerializable(typeof(LoginResult))]
[JsonSerializable(typeof(ServerVersion))]
[JsonSerializable(typeof(ApplyResult))]
[JsonSerializable(typeof(DeleteResult))]
[JsonSerializable(typeof(TokenRequest))]
[JsonSerializable(typeof(CreatedToken))]
[JsonSerializable(typeof(ProjectRequest))]
internal sealed partial class ClientJsonContext : JsonSerializerContext;
