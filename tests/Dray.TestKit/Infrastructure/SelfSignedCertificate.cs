using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Dray.TestKit.Infrastructure;

/// <summary>
/// A self-signed TLS server certificate for one IP address (its only SAN), made in-process and written as PEM files,
/// so a test server can speak HTTPS that no client trusts unless told to.
/// </summary>
public sealed class SelfSignedCertificate
{
    private SelfSignedCertificate(string certificatePath, string keyPath, string certificatePem, byte[] sha256)
    {
        CertificatePath = certificatePath;
        KeyPath = keyPath;
        CertificatePem = certificatePem;
        Sha256 = sha256;
    }

    /// <summary>The certificate, PEM.</summary>
    public string CertificatePath { get; }

    /// <summary>The unencrypted PKCS#8 private key, PEM (readable by the owner only).</summary>
    public string KeyPath { get; }

    public string CertificatePem { get; }

    private byte[] Sha256 { get; }

    /// <summary>Creates a certificate valid from an hour ago to a day from now for <paramref name="address"/> and writes it into <paramref name="directory"/>.</summary>
    public static async Task<SelfSignedCertificate> WriteAsync(string directory, IPAddress address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN=dray-test-{address}", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(address);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddHours(-1), now.AddDays(1));

        var certificatePath = Path.Combine(directory, "tls-cert.pem");
        var keyPath = Path.Combine(directory, "tls-key.pem");
        var certificatePem = certificate.ExportCertificatePem();
        await File.WriteAllTextAsync(certificatePath, certificatePem, cancellationToken);
        await File.WriteAllTextAsync(keyPath, key.ExportPkcs8PrivateKeyPem(), cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return new SelfSignedCertificate(certificatePath, keyPath, certificatePem, certificate.GetCertHash(HashAlgorithmName.SHA256));
    }

    /// <summary>Whether <paramref name="presented"/> is this certificate (for a client that pins it instead of trusting a CA).</summary>
    public bool Matches(X509Certificate? presented) =>
        presented is not null && presented.GetCertHash(HashAlgorithmName.SHA256).AsSpan().SequenceEqual(Sha256);
}
