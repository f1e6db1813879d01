using System.Net.Http.Headers;
using System.Text;

namespace Dray.Server.Tests.Support;

/// <summary>Request bodies for apply/delete.</summary>
public static class ManifestText
{
    public static StringContent Yaml(string yaml) => new(yaml, Encoding.UTF8, "application/yaml");

    public static MultipartFormDataContent Files(params (string FileName, string Content)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (fileName, content) in files)
        {
            var part = new StringContent(content, Encoding.UTF8);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/yaml");
            form.Add(part, "files", fileName);
        }

        return form;
    }

    public static string Project(string name) => $"""
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Project
        metadata:
          name: {name}
        """;

    public static string Warehouse(string project, string name) => $"""
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Warehouse
        metadata:
          name: {name}
          namespace: {project}
        spec:
          subscriptions:
          - image:
              repoURL: nginx
              constraint: ^1.24.0
        """;

    public static string Join(params string[] documents) => string.Join("\n---\n", documents) + "\n";
}
