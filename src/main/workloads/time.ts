function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** Go's time.Now().Format(time.RFC3339) in the local zone: second precision, `Z` or `±hh:mm`. */
export function rfc3339Local(d: Date): string {
  const offset = -d.getTimezoneOffset()
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
  if (offset === 0) return `${date}T${time}Z`
  const sign = offset > 0 ? '+' : '-'
  const abs = Math.abs(offset)
  return `${date}T${time}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}
