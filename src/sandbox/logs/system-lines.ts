import { fnv32a } from '../api/names'

// Log lines of kind's system components, in each one's own format: klog for the Kubernetes binaries and
// kindnet, JSON for etcd, CoreDNS's plain text, logrus for the local-path provisioner. Steady lines come
// at the component's own pace (kindnet every 10 s, the quiet ones every few minutes).
interface SystemLog {
  period: number
  startup(at: number): string[]
  steady(h: number, k: number, at: number): string
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

// klog's header: I1130 16:01:02.123456       1 file.go:123]
function klog(at: number, where: string, text: string, level = 'I'): string {
  const d = new Date(at)
  const micros = pad(d.getUTCMilliseconds() * 1000 + Math.floor((at % 1) * 1000), 6)
  const stamp = `${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${micros}`
  return `${level}${stamp}       1 ${where}] ${text}`
}

const iso = (at: number): string => new Date(at).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z')
const etcd = (at: number, caller: string, msg: string, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ level: 'info', ts: iso(at), caller, msg, ...extra })

const VERSION = 'v1.32.0'

const COMPONENTS: Array<[RegExp, SystemLog]> = [
  [
    /kindnetd/,
    {
      period: 10_000,
      startup: (at) => [
        klog(at, 'main.go:109', 'connected to apiserver: https://kind-control-plane:6443'),
        klog(at, 'main.go:139', 'hostIP = 172.18.0.2'),
        klog(at, 'main.go:148', 'setting mtu 1500 for CNI'),
        klog(at, 'main.go:178', 'kindnetd IP family: "ipv4"'),
        klog(at, 'main.go:182', 'noMask IPv4 subnets: [10.244.0.0/16]'),
      ],
      steady: (_h, k, at) =>
        k % 2 === 1
          ? klog(at, 'main.go:297', 'Handling node with IPs: map[172.18.0.2:{}]')
          : klog(at, 'main.go:301', 'handling current node'),
    },
  ],
  [
    /kube-proxy/,
    {
      period: 300_000,
      startup: (at) => [
        klog(at, 'server_linux.go:66', '"Using iptables proxy"'),
        klog(at, 'server.go:698', '"Successfully retrieved node IP(s)" IPs=["172.18.0.2"]'),
        klog(at, 'server_linux.go:170', '"Using iptables Proxier"'),
        klog(at, 'server.go:497', `"Version info" version="${VERSION}"`),
        klog(at, 'config.go:199', '"Starting service config controller"'),
        klog(at, 'shared_informer.go:313', 'Waiting for caches to sync for service config'),
        klog(at, 'shared_informer.go:320', 'Caches are synced for service config'),
      ],
      steady: (h, _k, at) =>
        klog(at, 'proxier.go:825', `"SyncProxyRules complete" elapsed="${(5 + (h % 40)) / 10}ms"`),
    },
  ],
  [
    /coredns/,
    {
      period: 300_000,
      startup: () => [
        '.:53',
        `[INFO] plugin/reload: Running configuration SHA512 = ${'591cf328cccc12bc'.repeat(8)}`,
        'CoreDNS-1.11.3',
        'linux/amd64, go1.21.11, a6338e9',
      ],
      steady: (h) =>
        `[INFO] 127.0.0.1:${30000 + (h % 30000)} - ${h % 65536} "HINFO IN ${h}.${h % 9973}. udp 57 false 512" NXDOMAIN qr,rd,ra 57 0.00${1 + (h % 9)}s`,
    },
  ],
  [
    /etcd:/,
    {
      period: 300_000,
      startup: (at) => [
        etcd(at, 'embed/etcd.go:128', 'configuring peer listeners', {
          'listen-peer-urls': ['https://172.18.0.2:2380'],
        }),
        etcd(at, 'etcdserver/server.go:2065', 'published local member to cluster through raft'),
        etcd(at, 'embed/serve.go:250', 'serving client traffic securely', {
          traffic: 'grpc+http',
          address: '127.0.0.1:2379',
        }),
      ],
      steady: (h, k, at) =>
        etcd(at, 'mvcc/index.go:214', 'compact tree index', { revision: 400 * k + (h % 400) }),
    },
  ],
  [
    /kube-apiserver/,
    {
      period: 60_000,
      startup: (at) => [
        klog(at, 'options.go:238', 'external host was not specified, using 172.18.0.2'),
        klog(at, 'server.go:145', `Version: ${VERSION}`),
        klog(at, 'secure_serving.go:213', 'Serving securely on [::]:6443'),
        klog(at, 'controller.go:615', 'quota admission added evaluator for: namespaces'),
      ],
      steady: (h, _k, at) => {
        const what = [
          'deployments.apps',
          'replicasets.apps',
          'endpoints',
          'leases.coordination.k8s.io',
          'events.events.k8s.io',
        ]
        return klog(
          at,
          'controller.go:615',
          `quota admission added evaluator for: ${what[h % what.length] ?? 'endpoints'}`,
        )
      },
    },
  ],
  [
    /kube-controller-manager/,
    {
      period: 120_000,
      startup: (at) => [
        klog(at, 'serving.go:386', 'Generated self-signed cert in-memory'),
        klog(at, 'controllermanager.go:197', `"Starting" version="${VERSION}"`),
        klog(
          at,
          'leaderelection.go:257',
          'attempting to acquire leader lease kube-system/kube-controller-manager...',
        ),
        klog(at, 'leaderelection.go:271', 'successfully acquired lease kube-system/kube-controller-manager'),
      ],
      steady: (h, _k, at) =>
        klog(
          at,
          'replica_set.go:679',
          `"Finished syncing" logger="replicaset-controller" kind="ReplicaSet" key="kube-system/coredns" duration="${20 + (h % 300)}.${h % 1000}µs"`,
        ),
    },
  ],
  [
    /kube-scheduler/,
    {
      period: 600_000,
      startup: (at) => [
        klog(at, 'serving.go:386', 'Generated self-signed cert in-memory'),
        klog(at, 'server.go:166', `"Starting Kubernetes Scheduler" version="${VERSION}"`),
        klog(at, 'leaderelection.go:271', 'successfully acquired lease kube-system/kube-scheduler'),
      ],
      steady: (_h, _k, at) =>
        klog(
          at,
          'reflector.go:376',
          'Caches populated for *v1.Node from k8s.io/client-go/informers/factory.go:160',
        ),
    },
  ],
  [
    /local-path-provisioner/,
    {
      period: 300_000,
      startup: (at) => [
        `time="${new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z')}" level=debug msg="Applied config: {\\"nodePathMap\\":[{\\"node\\":\\"DEFAULT_PATH_FOR_NON_LISTED_NODES\\",\\"paths\\":[\\"/var/local-path-provisioner\\"]}]}"`,
        `time="${new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z')}" level=debug msg="Provisioner started"`,
        klog(
          at,
          'controller.go:811',
          'Starting provisioner controller rancher.io/local-path_local-path-provisioner!',
        ),
        klog(
          at,
          'controller.go:860',
          'Started provisioner controller rancher.io/local-path_local-path-provisioner!',
        ),
      ],
      steady: (_h, _k, at) =>
        `time="${new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z')}" level=debug msg="config doesn't contain node kind-worker, use DEFAULT_PATH_FOR_NON_LISTED_NODES instead"`,
    },
  ],
]

function find(image: string): SystemLog | undefined {
  return COMPONENTS.find(([re]) => re.test(image))?.[1]
}

export function systemPeriod(image: string): number | undefined {
  return find(image)?.period
}

export function systemStartup(image: string, at: number): string[] | undefined {
  return find(image)?.startup(at)
}

export function systemSteady(image: string, seed: string, k: number, at: number): string | undefined {
  return find(image)?.steady(fnv32a(`${seed}/${k}`), k, at)
}
