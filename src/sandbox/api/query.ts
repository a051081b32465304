import { badRequest } from './status'

// Query parameters read the way kube-apiserver's parameter codec reads them: booleans with Go's
// strconv.ParseBool (the official Python client sends `watch=True`), integers with strconv.ParseInt.
const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True'])
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False'])

export function parseGoBool(value: string): boolean {
  if (TRUE.has(value)) return true
  if (FALSE.has(value)) return false
  throw badRequest(`strconv.ParseBool: parsing ${JSON.stringify(value)}: invalid syntax`)
}

// An absent or empty parameter is false, as a Go bool field left at its zero value.
export function queryBool(query: URLSearchParams, name: string): boolean {
  const v = query.get(name)
  return v === null || v === '' ? false : parseGoBool(v)
}

export function queryInt(query: URLSearchParams, name: string): number | undefined {
  const v = query.get(name)
  if (v === null || v === '') return undefined
  if (!/^[+-]?\d+$/.test(v))
    throw badRequest(`strconv.ParseInt: parsing ${JSON.stringify(v)}: invalid syntax`)
  return Number(v)
}

// dryRun is a list; the only value the API knows is "All".
export function queryDryRun(query: URLSearchParams): boolean {
  const values = query.getAll('dryRun').filter((v) => v !== '')
  for (const v of values) {
    if (v !== 'All') throw badRequest(`Unsupported value: ${JSON.stringify(v)}: supported values: "All"`)
  }
  return values.length > 0
}

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore'

// fieldValidation: absent means Warn, kube-apiserver's default since 1.23 (kubectl sends Strict).
export function queryFieldValidation(query: URLSearchParams): FieldValidation {
  const v = query.get('fieldValidation') ?? ''
  if (v === '') return 'Warn'
  if (v === 'Strict' || v === 'Warn' || v === 'Ignore') return v
  throw badRequest(
    `fieldValidation: Unsupported value: ${JSON.stringify(v)}: supported values: "Ignore", "Strict", "Warn"`,
  )
}
