// Test fixtures live in a .ts string so Prettier never reformats their deliberately odd layout.

/** Hand-edited kubeconfig: comments, odd key order and indentation, flow maps, unknown fields, an exec user. */
export const FANCY_KUBECONFIG = `# Skiff test fixture: hand-edited kubeconfig
kind: Config
apiVersion: v1
preferences:
  colors: true
x-unknown-top: {keep: me}   # unknown field
clusters:
# the dev cluster
- name: dev
  cluster:
    server: https://127.0.0.1:1
    certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJkekNDQVIyZ0F3SUJBZ0lCQURBS0JnZ3Foa2pPUFFRREFqQWpNU0V3SHdZRFZRUUREQmhyTTNNdGMyVnkK
    x-vendor: {a: 1}
- cluster:
    server: "https://127.0.0.1:2"
  name: prod
contexts:
    - context: {cluster: dev, user: alice}
      name: dev
    # prod is dangerous
    - name: prod-admin
      context:
        user: admin   # exec user
        cluster: prod
        namespace: payments
        x-extra: true
current-context: dev
users:
- name: alice
  user:
    token: abc.def
- name: admin
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1beta1
      command: skiff-test-missing-plugin
      args: ["get-token", "--cluster-name", "prod"]
      env: null
      interactiveMode: IfAvailable
# trailing comment
`
