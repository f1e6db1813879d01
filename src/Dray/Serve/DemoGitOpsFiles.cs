namespace Dray.Cli.Serve;

/// <summary>The files of the demo GitOps repository: a kustomize base and one overlay per Stage.</summary>
internal static class DemoGitOpsFiles
{
    public static readonly string[] Stages = ["dev", "uat", "prod"];

    public static IEnumerable<(string Path, string Text)> All
    {
        get
        {
            yield return ("README.md", "# demo GitOps repository\n\nDray's quickstart promotes `demo-app` into `overlays/<stage>`.\n");
            yield return ("base/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- deployment.yaml\n");
            yield return ("base/deployment.yaml", Deployment);
            foreach (var stage in Stages)
            {
                yield return ($"overlays/{stage}/kustomization.yaml", Overlay(stage));
            }
        }
    }

    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: demo-app
        spec:
          replicas: 1
          selector:
            matchLabels:
              app: demo-app
          template:
            metadata:
              labels:
                app: demo-app
            spec:
              containers:
              - name: demo-app
                image: demo-app

        """;

    private static string Overlay(string stage) => $"""
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        namespace: demo-{stage}
        resources:
        - ../../base

        """;
}
