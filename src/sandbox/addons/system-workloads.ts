// The workloads a kind v0.26 cluster (Kubernetes v1.32) starts with, as manifests: coredns, kindnet,
// kube-proxy and the local-path provisioner. Images carry kind's tags.
export const KUBE_VERSION = 'v1.32.0'
const LINUX = { 'kubernetes.io/os': 'linux' }
const CONTROL_PLANE_TOLERATION = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }
const CRITICAL = 2_000_000_000
const NODE_CRITICAL = 2_000_001_000

export const COREFILE = `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30 {
       disable success cluster.local
       disable denial cluster.local
    }
    loop
    reload
    loadbalance
}
`

export const COREDNS = {
  metadata: { name: 'coredns', labels: { 'k8s-app': 'kube-dns' } },
  spec: {
    replicas: 2,
    selector: { matchLabels: { 'k8s-app': 'kube-dns' } },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } },
    template: {
      metadata: { labels: { 'k8s-app': 'kube-dns' } },
      spec: {
        containers: [
          {
            name: 'coredns',
            image: 'registry.k8s.io/coredns/coredns:v1.11.3',
            args: ['-conf', '/etc/coredns/Corefile'],
            ports: [
              { containerPort: 53, name: 'dns', protocol: 'UDP' },
              { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
              { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
            ],
            resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
            volumeMounts: [{ mountPath: '/etc/coredns', name: 'config-volume', readOnly: true }],
          },
        ],
        dnsPolicy: 'Default',
        nodeSelector: LINUX,
        priorityClassName: 'system-cluster-critical',
        priority: CRITICAL,
        serviceAccountName: 'coredns',
        tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }, CONTROL_PLANE_TOLERATION],
        volumes: [
          {
            name: 'config-volume',
            configMap: { name: 'coredns', items: [{ key: 'Corefile', path: 'Corefile' }] },
          },
        ],
      },
    },
  },
}

export const KUBE_DNS_SERVICE = {
  metadata: {
    name: 'kube-dns',
    labels: {
      'k8s-app': 'kube-dns',
      'kubernetes.io/cluster-service': 'true',
      'kubernetes.io/name': 'CoreDNS',
    },
    annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
  },
  spec: {
    clusterIP: '10.96.0.10',
    selector: { 'k8s-app': 'kube-dns' },
    ports: [
      { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
      { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
      { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
    ],
  },
}

function daemon(name: string, labels: Record<string, string>, container: Record<string, unknown>) {
  return {
    metadata: { name, labels },
    spec: {
      selector: { matchLabels: { [Object.keys(labels)[0] ?? 'app']: Object.values(labels)[0] ?? name } },
      template: {
        metadata: { labels },
        spec: {
          containers: [container],
          hostNetwork: true,
          nodeSelector: LINUX,
          priorityClassName: 'system-node-critical',
          priority: NODE_CRITICAL,
          serviceAccountName: name,
          tolerations: [{ operator: 'Exists' }],
        },
      },
    },
  }
}

export const KINDNET = daemon(
  'kindnet',
  { app: 'kindnet', 'k8s-app': 'kindnet', tier: 'node' },
  {
    name: 'kindnet-cni',
    image: 'docker.io/kindest/kindnetd:v20241212-9f82dd49',
    env: [
      { name: 'HOST_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.hostIP' } } },
      { name: 'POD_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.podIP' } } },
      { name: 'POD_SUBNET', value: '10.244.0.0/16' },
      { name: 'CONTROL_PLANE_ENDPOINT', value: 'kind-control-plane:6443' },
    ],
    resources: { limits: { cpu: '100m', memory: '50Mi' }, requests: { cpu: '100m', memory: '50Mi' } },
    securityContext: { capabilities: { add: ['NET_RAW', 'NET_ADMIN'] }, privileged: false },
  },
)

export const KUBE_PROXY = daemon(
  'kube-proxy',
  { 'k8s-app': 'kube-proxy' },
  {
    name: 'kube-proxy',
    image: `registry.k8s.io/kube-proxy:${KUBE_VERSION}`,
    command: [
      '/usr/local/bin/kube-proxy',
      '--config=/var/lib/kube-proxy/config.conf',
      '--hostname-override=$(NODE_NAME)',
    ],
    env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } }],
    securityContext: { privileged: true },
  },
)

export const LOCAL_PATH_PROVISIONER = {
  metadata: { name: 'local-path-provisioner' },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: 'local-path-provisioner' } },
    template: {
      metadata: { labels: { app: 'local-path-provisioner' } },
      spec: {
        containers: [
          {
            name: 'local-path-provisioner',
            image: 'docker.io/kindest/local-path-provisioner:v20241212-8ac705d0',
            command: [
              'local-path-provisioner',
              '--debug',
              'start',
              '--helper-image',
              'docker.io/kindest/local-path-helper:v20241212-8ac705d0',
              '--config',
              '/etc/config/config.json',
            ],
            env: [
              {
                name: 'POD_NAMESPACE',
                valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } },
              },
            ],
            volumeMounts: [{ mountPath: '/etc/config/', name: 'config-volume' }],
          },
        ],
        nodeSelector: LINUX,
        serviceAccountName: 'local-path-provisioner-service-account',
        tolerations: [
          CONTROL_PLANE_TOLERATION,
          { key: 'node-role.kubernetes.io/master', operator: 'Equal', effect: 'NoSchedule' },
        ],
        volumes: [{ name: 'config-volume', configMap: { name: 'local-path-config' } }],
      },
    },
  },
}
