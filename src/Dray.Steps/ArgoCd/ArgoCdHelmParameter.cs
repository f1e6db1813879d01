namespace Dray.Steps.ArgoCd;

public sealed record ArgoCdHelmParameter(string Key, string Value);
