import type { manifestMethods, manifestStreams } from '@shared/contract/manifests'
import type { ManifestService } from '../manifests'
import type { ConcernHandlers } from './concern'

/** Manifest create/apply/edit handlers, and the session's activity log. */
export function createManifestHandlers(
  svc: ManifestService,
): ConcernHandlers<typeof manifestMethods, typeof manifestStreams> {
  return {
    methods: {
      'manifests.preview': (input) => svc.preview(input),
      'manifests.apply': (input) => svc.apply(input),
      'manifests.open': (input) => svc.open(input),
      'manifests.previewEdit': (input) => svc.previewEdit(input),
      'manifests.saveEdit': (input) => svc.saveEdit(input),
      'manifests.schema': (input) => svc.schema(input),
      'activity.list': () => Promise.resolve(svc.activity()),
    },
    streams: {},
  }
}
