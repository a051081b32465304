import type { SecretRow } from '@shared/rows'
import { ageColumn, columns, nameColumn, numberColumn, textColumn } from './base'

/** `kubectl get secrets`: NAME TYPE DATA AGE */
export const secretColumns = columns<SecretRow>([
  nameColumn(320),
  textColumn('type', 'Type', 280, (r) => r.type, true, 2),
  numberColumn('data', 'Data', (r) => r.data),
  ageColumn(),
])
