import { describe, expect, it } from 'vitest'
import type { Pod } from '../types'
import { Shell } from './shell'

// The simulated shell on its own: builtins, quoting, `;`/`&&`/`||`, exit codes as sh gives them.
const pod: Pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web-1', namespace: 'shop', uid: 'u1', resourceVersion: '1', creationTimestamp: '' },
  spec: { containers: [{ name: 'web', image: 'nginx:1.27', env: [{ name: 'MODE', value: 'fast' }] }] },
  status: { podIP: '10.244.0.7' },
}

async function sh(script: string, shell = new Shell({ pod, container: pod.spec.containers[0]! })) {
  let out = ''
  let err = ''
  const code = await shell.runScript(script, { out: (t) => (out += t), err: (t) => (err += t) })
  return { out, err, code, shell }
}

describe('simulated shell', () => {
  it('lists and reads the container files', async () => {
    const r = await sh('ls /; cat /etc/hostname /usr/share/nginx/html/index.html')
    expect(r.out).toMatch(/^bin\ndev\netc\n/)
    expect(r.out).toContain('web-1\n<!DOCTYPE html>')
    expect(r.out).toContain('<title>Welcome to nginx!</title>')
    expect((await sh('cat /var/run/secrets/kubernetes.io/serviceaccount/namespace')).out).toBe('shop')
  })

  it('keeps cwd across commands and resolves relative paths', async () => {
    const r = await sh('cd /etc/nginx; pwd; ls; cd ..; pwd; cat conf.d/x')
    expect(r.out).toBe('/etc/nginx\nconf.d\nnginx.conf\n/etc\n')
    expect(r.err).toBe("cat: can't open 'conf.d/x': No such file or directory\n")
    expect(r.code).toBe(1)
  })

  it('expands variables and quotes, and reports the environment', async () => {
    const r = await sh(`echo "$MODE" '$MODE' \${HOSTNAME} a\\ b; env`)
    expect(r.out).toMatch(/^fast \$MODE web-1 a b\n/)
    expect(r.out).toContain('\nMODE=fast\n')
    expect(r.out).toContain('\nKUBERNETES_SERVICE_HOST=10.96.0.1\n')
    expect((await sh('hostname; ps')).out).toMatch(
      /^web-1\nPID\s+USER\s+TIME\s+COMMAND\n\s+1 root .*nginx: master process/,
    )
  })

  it('gives 127 and "not found" for an unknown command, and propagates exit codes', async () => {
    const r = await sh('nosuch --flag')
    expect([r.err, r.code]).toEqual(['sh: nosuch: not found\n', 127])
    expect((await sh('false; echo $?')).out).toBe('1\n')
    expect((await sh('false && echo no || echo yes')).out).toBe('yes\n')
    const exited = await sh('echo a; exit 7; echo b')
    expect([exited.out, exited.code, exited.shell.exited]).toEqual(['a\n', 7, 7])
    expect((await sh("sh -c 'exit 4'; echo $?")).out).toBe('4\n')
  })

  it('reports syntax errors and a missing directory as sh does', async () => {
    expect(await sh('echo "open')).toMatchObject({
      code: 2,
      err: 'sh: syntax error: unterminated quoted string\n',
    })
    expect(await sh('cd /nope')).toMatchObject({
      code: 2,
      err: "sh: cd: can't cd to /nope: No such file or directory\n",
    })
    expect(await sh('stty size')).toMatchObject({ code: 1, err: 'stty: standard input: Not a tty\n' })
  })
})

describe('simulated shell: files', () => {
  it('tests paths, makes directories and files that later commands see', async () => {
    const shell = new Shell({ pod, container: pod.spec.containers[0]! })
    expect((await sh('test -d /etc && echo dir; test -f /etc || echo notfile', shell)).out).toBe(
      'dir\nnotfile\n',
    )
    expect(await sh('mkdir /a/b', shell)).toMatchObject({
      code: 1,
      err: "mkdir: can't create directory '/a/b': No such file or directory\n",
    })
    expect((await sh('mkdir -p /a/b; touch /a/b/f; ls /a/b; cd /a; test -e b/f', shell)).out).toBe('f\n')
    expect((await sh('tar tf -', shell)).code).toBe(0)
  })
})

describe('simulated shell: redirections', () => {
  it('writes, appends and sends streams where sh would', async () => {
    const shell = new Shell({ pod, container: pod.spec.containers[0]! })
    const r = await sh(
      'echo one > /tmp/f; echo two >> /tmp/f; cat /tmp/f; cat /nope 2>/dev/null; echo $?',
      shell,
    )
    expect(r).toMatchObject({ out: 'one\ntwo\n1\n', err: '' })
    const swap = await sh('cat /nope 2>&1; echo visible >&2', shell)
    expect(swap).toMatchObject({
      out: "cat: can't open '/nope': No such file or directory\n",
      err: 'visible\n',
    })
    expect(await sh('echo x > /no/dir/f', shell)).toMatchObject({
      code: 1,
      err: "sh: can't create /no/dir/f: nonexistent directory\n",
    })
    expect((await sh('echo "a > b" \'>\' c', shell)).out).toBe('a > b > c\n')
    let out = ''
    await shell.runScript(
      'cat > /tmp/in; cat /tmp/in',
      { out: (t) => (out += t), err: () => undefined },
      Buffer.from('piped\n'),
    )
    expect(out).toBe('piped\n')
  })
})
