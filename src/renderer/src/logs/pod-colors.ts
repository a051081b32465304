/** A stable colour per pod name, readable on light and dark backgrounds (hue from a string hash). */
export function podColor(name: string): string {
  let h = 2166136261
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i)
    h = Math.imul(h, 16777619)
  }
  const hue = (h >>> 0) % 360
  return `hsl(${hue} 70% 50%)`
}
