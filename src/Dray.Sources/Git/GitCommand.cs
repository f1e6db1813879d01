using System.Text;

namespace Dray.Sources.Git;

/// <summary>
/// One git invocation as it will be started: the arguments and the environment changes. Credentials travel only as
/// an <c>http.extraHeader</c> config entry in the environment (<c>GIT_CONFIG_COUNT</c>), never in argv or the URL.
/// </summary>
internal sealed record GitCommand(
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string?> Environment,
    IReadOnlyList<string> Secrets)
{
    public static GitCommand Create(IEnumerable<string> arguments, GitCredential? credential, bool insecureSkipTlsVerify)
    {
        var config = new List<(string Key, string Value)>
        {
            // No helper may answer or store credentials behind our back.
            ("credential.helper", ""),
            ("core.askPass", ""),
        };
        var secrets = new List<string>();
        if (credential is not null)
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credential.Username}:{credential.Password}"));
            config.Add(("http.extraHeader", $"Authorization: Basic {token}"));
            secrets.Add(token);
            if (credential.Password.Length > 0)
            {
                secrets.Add(credential.Password);
            }
        }

        if (insecureSkipTlsVerify)
        {
            config.Add(("http.sslVerify", "false"));
        }

        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["GIT_TERMINAL_PROMPT"] = "0",
            ["GCM_INTERACTIVE"] = "never",
            ["GIT_ASKPASS"] = null,
            ["SSH_ASKPASS"] = null,
            ["LC_ALL"] = "C",
            ["LANGUAGE"] = null,
            ["GIT_CONFIG_COUNT"] = config.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        for (var i = 0; i < config.Count; i++)
        {
            environment[$"GIT_CONFIG_KEY_{i}"] = config[i].Key;
            environment[$"GIT_CONFIG_VALUE_{i}"] = config[i].Value;
        }

        return new GitCommand(arguments.ToList(), environment, secrets);
    }

    /// <summary>Removes every secret of this command from <paramref name="text"/>.</summary>
    public string Scrub(string text)
    {
        foreach (var secret in Secrets)
        {
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        }

        return text;
    }
}
