using YamlDotNet.Core;

namespace Dray.Steps.Yaml;

internal sealed record YamlScalar(string Value, ScalarStyle Style, int Start, int End) : YamlNode(Start, End);
