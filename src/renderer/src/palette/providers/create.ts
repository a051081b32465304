import { requestIntent } from '../intents'
import { goToSection } from '../places'
import type { PaletteProvider } from '../types'

/** Creating things: a cluster (kind, minikube or the sandbox). */
export const createProvider: PaletteProvider = {
  id: 'create',
  order: 40,
  useEntries: () => [
    {
      id: 'create:cluster',
      group: 'Create',
      title: 'Create a cluster…',
      detail: 'kind, minikube or the built-in sandbox',
      keywords: 'new cluster sandbox kind minikube',
      run: () => {
        goToSection('clusters')
        requestIntent({ type: 'new-cluster' })
      },
    },
  ],
}
