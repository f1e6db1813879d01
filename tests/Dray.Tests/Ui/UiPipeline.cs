namespace Dray.Tests.Ui;

/// <summary>The browser test's project: a Warehouse on a real registry and git repo, dev (direct) and prod (after a day in dev, so only an approval lets Freight in early).</summary>
internal static class UiPipeline
{
    public static string Yaml(string project, string imageRepo, string gitRepo, string username, string password) => $"""
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Project
        metadata:
          name: {project}
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: git-creds
          namespace: {project}
          labels:
            kargo.akuity.io/cred-type: git
        stringData:
          repoURL: {gitRepo}
          username: {username}
          password: {password}
        ---
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Warehouse
        metadata:
          name: app
          namespace: {project}
        spec:
          subscriptions:
          - image:
              repoURL: {imageRepo}
              constraint: ^1.0.0
          - git:
              repoURL: {gitRepo}
              branch: main
        ---
        {Stage(project, "dev", "direct: true")}
        ---
        {Stage(project, "prod", "stages: [dev]\n      requiredSoakTime: 24h")}
        """;

    private static string Stage(string project, string name, string sources) => $"""
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Stage
        metadata:
          name: {name}
          namespace: {project}
        spec:
          requestedFreight:
          - origin:
              kind: Warehouse
              name: app
            sources:
              {sources}
          promotionTemplate:
            spec:
              steps:
              - uses: file-write
                config:
                  path: deployed.txt
                  contents: deployed
        """;
}
