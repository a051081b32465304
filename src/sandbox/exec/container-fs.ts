import type { ContainerSpec, Pod } from '../types'

// The small read-only file tree a simulated container shows to `ls` and `cat`: what an image's root would hold
// that a newcomer looks at first (hostname, resolv.conf, os-release, nginx's html and config, the
// service-account mount), derived from the pod so that it says true things about it.
export type FsNode = { type: 'dir'; children: Map<string, FsNode> } | { type: 'file'; content: string }

export interface ContainerView {
  pod: Pod
  container: ContainerSpec
  // the container's live file tree (container-files.ts); a fresh one when absent
  files?: FsNode
}

export function isNginxImage(image: string): boolean {
  return /(^|\/)nginx(:|@|$)/.test(image)
}

export function isDebianImage(image: string): boolean {
  return isNginxImage(image) || /(^|\/)(debian|ubuntu|node|python|httpd|redis|postgres)(:|@|$)/.test(image)
}

function dir(entries: Record<string, FsNode> = {}): FsNode {
  return { type: 'dir', children: new Map(Object.entries(entries)) }
}

function file(content: string): FsNode {
  return { type: 'file', content }
}

export function nginxWelcomePage(): string {
  return [
    '<!DOCTYPE html>',
    '<html>',
    '<head>',
    '<title>Welcome to nginx!</title>',
    '<style>',
    'html { color-scheme: light dark; }',
    'body { width: 35em; margin: 0 auto;',
    'font-family: Tahoma, Verdana, Arial, sans-serif; }',
    '</style>',
    '</head>',
    '<body>',
    '<h1>Welcome to nginx!</h1>',
    '<p>If you see this page, the nginx web server is successfully installed and',
    'working. Further configuration is required.</p>',
    '',
    '<p>For online documentation and support please refer to',
    '<a href="http://nginx.org/">nginx.org</a>.<br/>',
    'Commercial support is available at',
    '<a href="http://nginx.com/">nginx.com</a>.</p>',
    '',
    '<p><em>Thank you for using nginx.</em></p>',
    '</body>',
    '</html>',
    '',
  ].join('\n')
}

function osRelease(image: string): string {
  if (isDebianImage(image))
    return 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nID=debian\n'
  return 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.20.3\nPRETTY_NAME="Alpine Linux v3.20"\n'
}

function nginxTree(): Record<string, FsNode> {
  const conf = [
    'server {',
    '    listen       80;',
    '    server_name  localhost;',
    '    location / {',
    '        root   /usr/share/nginx/html;',
    '        index  index.html index.htm;',
    '    }',
    '}',
    '',
  ].join('\n')
  return {
    nginx: dir({
      'nginx.conf': file(
        'user  nginx;\nworker_processes  auto;\nevents {\n    worker_connections  1024;\n}\nhttp {\n    include /etc/nginx/conf.d/*.conf;\n}\n',
      ),
      'conf.d': dir({ 'default.conf': file(conf) }),
    }),
  }
}

export function containerFs({ pod, container }: ContainerView): FsNode {
  const ns = pod.metadata.namespace ?? 'default'
  const ip = pod.status.podIP ?? '10.244.0.2'
  const nginx = isNginxImage(container.image)
  const etc = dir({
    hostname: file(`${pod.metadata.name}\n`),
    hosts: file(
      `127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n${ip}\t${pod.metadata.name}\n`,
    ),
    'resolv.conf': file(
      `search ${ns}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n`,
    ),
    'os-release': file(osRelease(container.image)),
    passwd: file(
      'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n',
    ),
    ...(nginx ? nginxTree() : {}),
  })
  const usrShare = nginx
    ? dir({
        nginx: dir({
          html: dir({
            'index.html': file(nginxWelcomePage()),
            '50x.html': file('<h1>An error occurred.</h1>\n'),
          }),
        }),
      })
    : dir()
  const serviceAccount = dir({ namespace: file(ns), token: file('(projected service account token)\n') })
  return dir({
    bin: dir({ sh: file(''), ls: file(''), cat: file(''), echo: file('') }),
    dev: dir(),
    etc,
    home: dir(),
    proc: dir(),
    root: dir(),
    sys: dir(),
    tmp: dir(),
    usr: dir({ bin: dir(), local: dir(), share: usrShare }),
    var: dir({
      log: dir(),
      run: dir({ secrets: dir({ 'kubernetes.io': dir({ serviceaccount: serviceAccount }) }) }),
    }),
  })
}

// Resolves `path` against `cwd` into normalised absolute segments ('..' stops at the root).
export function resolvePath(cwd: string, path: string): string {
  const parts = (path.startsWith('/') ? path : `${cwd}/${path}`).split('/')
  const out: string[] = []
  for (const p of parts) {
    if (p === '' || p === '.') continue
    if (p === '..') out.pop()
    else out.push(p)
  }
  return `/${out.join('/')}`
}

export function lookup(root: FsNode, absPath: string): FsNode | undefined {
  let node: FsNode | undefined = root
  for (const part of absPath.split('/').filter((p) => p !== '')) {
    if (node?.type !== 'dir') return undefined
    node = node.children.get(part)
  }
  return node
}
