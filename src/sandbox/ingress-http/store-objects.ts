import type { ObjectApi } from '../api/objects'
import { resourceByKind } from '../api/resources'
import type { KObj } from '../types'

/** What the ingress server routes over, read from the store on each request. */
export function ingressObjects(api: ObjectApi): () => { ingresses: KObj[]; endpoints: KObj[]; pods: KObj[] } {
  const all = (kind: string): KObj[] => {
    let def
    try {
      def = resourceByKind(kind)
    } catch {
      return [] // a sandbox without networking.k8s.io Ingress serves nothing but 404s
    }
    return api.store.list(def).map((e) => e.obj)
  }
  return () => ({ ingresses: all('Ingress'), endpoints: all('Endpoints'), pods: all('Pod') })
}
