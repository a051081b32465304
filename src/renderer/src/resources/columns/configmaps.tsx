import type { ConfigMapRow } from '@shared/rows'
import { ageColumn, columns, nameColumn, numberColumn } from './base'

/** `kubectl get configmaps`: NAME DATA AGE */
export const configMapColumns = columns<ConfigMapRow>([
  nameColumn(360),
  numberColumn('data', 'Data', (r) => r.data),
  ageColumn(),
])
