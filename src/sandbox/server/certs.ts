import { generate } from 'selfsigned'

// A per-sandbox CA and a serving certificate for 127.0.0.1 signed by it, as kind writes into kubeconfig.
export interface SandboxCerts {
  caCert: string
  caKey: string
  cert: string
  key: string
}

export async function generateCerts(name: string): Promise<SandboxCerts> {
  const notBeforeDate = new Date(Date.now() - 60_000)
  const notAfterDate = new Date(Date.now() + 10 * 365 * 24 * 3600 * 1000)
  const ca = await generate([{ name: 'commonName', value: `skiff-sandbox-${name}-ca` }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  })
  const serving = await generate([{ name: 'commonName', value: 'kube-apiserver' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 2, value: 'localhost' },
          { type: 2, value: 'kubernetes' },
        ],
      },
    ],
  })
  return { caCert: ca.cert, caKey: ca.private, cert: serving.cert, key: serving.private }
}
