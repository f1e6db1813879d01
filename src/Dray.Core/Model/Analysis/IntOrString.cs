using System.Globalization;
using System.Text.Json.Serialization;

namespace Dray.Core.Model.Analysis;

/// <summary>Kubernetes' int-or-string: Argo Rollouts limits may be numbers or <c>{{ args.x }}</c> templates.</summary>
[JsonConverter(typeof(IntOrStringConverter))]
public readonly record struct IntOrString
{
    public IntOrString(int value)
    {
        IntValue = value;
    }

    public IntOrString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        StringValue = value;
    }

    public int? IntValue { get; }

    public string? StringValue { get; }

    public static implicit operator IntOrString(int value) => new(value);

    public static implicit operator IntOrString(string value) => new(value);

    public static IntOrString FromInt32(int value) => new(value);

    public static IntOrString FromString(string value) => new(value);

    public override string ToString() => StringValue ?? IntValue?.ToString(CultureInfo.InvariantCulture) ?? "";
}
