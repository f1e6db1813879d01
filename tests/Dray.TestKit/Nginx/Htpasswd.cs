using Dray.TestKit.Infrastructure;

namespace Dray.TestKit.Nginx;

/// <summary>Writes htpasswd files with Apache's <c>htpasswd</c>; the password goes through stdin, never argv.</summary>
public static class Htpasswd
{
    /// <summary>
    /// Writes a one-user file. <paramref name="bcrypt"/> is needed by docker-registry, which reads only bcrypt
    /// entries; nginx reads the default (apr1 MD5) entries.
    /// </summary>
    public static async Task WriteAsync(string path, string username, string password, bool bcrypt, CancellationToken cancellationToken)
    {
        var htpasswd = HostBinary.Find("htpasswd", "apache2-utils");
        var args = new List<string> { "-c", "-i" };
        if (bcrypt)
        {
            args.Add("-B");
        }

        args.Add(path);
        args.Add(username);
        await ProcessRunner.RunCheckedAsync(htpasswd, args, new ProcessOptions { StandardInput = password }, cancellationToken);
    }
}
