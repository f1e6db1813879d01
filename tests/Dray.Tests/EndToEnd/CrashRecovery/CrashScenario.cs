namespace Dray.Tests.EndToEnd.CrashRecovery;

/// <summary>
/// The promotion under test: git-clone → kustomize-set-image → git-commit → git-push (to a promotion branch) →
/// git-open-pr (into main), for a Freight with one image, against a private git repository and a Gitea double.
/// </summary>
public static class CrashScenario
{
    public const string Project = "crash";
    public const string Stage = "dev";
    public const string FreightName = "c0ffee0123456789abcdef0123456789abcdef01";
    public const string Image = "nginx";
    public const string OldTag = "1.24.0";
    public const string NewTag = "1.25.3";
    public const string PromotionBranch = "promote/dev";
    public const string GiteaToken = "gitea-crash-TOKEN-5e1f";
    public const int StepCount = 5;

    public const string Kustomization = $"""
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        images:
        - name: {Image}
          newTag: {OldTag}

        """;

    public static string Manifests(string gitUrl, string gitUser, string gitPassword, string giteaUrl) => $$$"""
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Project
        metadata:
          name: {{{Project}}}
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: gitops-repo
          namespace: {{{Project}}}
          labels:
            kargo.akuity.io/cred-type: git
        stringData:
          repoURL: {{{gitUrl}}}
          username: {{{gitUser}}}
          password: {{{gitPassword}}}
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: gitea-api
          namespace: {{{Project}}}
          labels:
            kargo.akuity.io/cred-type: git
        stringData:
          repoURL: {{{giteaUrl}}}
          username: kargo
          password: {{{GiteaToken}}}
        ---
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Warehouse
        metadata:
          name: images
          namespace: {{{Project}}}
        spec:
          freightCreationPolicy: Manual
          subscriptions:
          - image:
              repoURL: {{{Image}}}
        ---
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Freight
        metadata:
          name: {{{FreightName}}}
          namespace: {{{Project}}}
        origin:
          kind: Warehouse
          name: images
        images:
        - repoURL: {{{Image}}}
          tag: {{{NewTag}}}
          digest: sha256:{{{new string('a', 64)}}}
        ---
        apiVersion: kargo.akuity.io/v1alpha1
        kind: Stage
        metadata:
          name: {{{Stage}}}
          namespace: {{{Project}}}
        spec:
          requestedFreight:
          - origin:
              kind: Warehouse
              name: images
            sources:
              direct: true
          promotionTemplate:
            spec:
              steps:
              - uses: git-clone
                config:
                  repoURL: {{{gitUrl}}}
                  checkout:
                  - branch: main
                    path: ./src
              - uses: kustomize-set-image
                as: update
                config:
                  path: ./src/env/dev
              - uses: git-commit
                as: commit
                config:
                  path: ./src
                  message: Promote {{{Image}}} to {{{NewTag}}} in dev
              - uses: git-push
                as: push
                config:
                  path: ./src
                  targetBranch: {{{PromotionBranch}}}
              - uses: git-open-pr
                as: open-pr
                config:
                  repoURL: {{{giteaUrl}}}
                  provider: gitea
                  sourceBranch: ${{ outputs.push.branch }}
                  targetBranch: main
        """;
}
