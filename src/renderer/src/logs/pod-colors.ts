/**
 * Colours for the pods of merged logs, far apart in hue and readable on light and dark backgrounds; pods get
 * them in order (see LogStore.sourceNumber), so two pods never look alike until there are more than ten.
 */
export const podPalette = [
  'hsl(212 85% 52%)', // blue
  'hsl(28 92% 48%)', // orange
  'hsl(145 60% 38%)', // green
  'hsl(330 75% 55%)', // pink
  'hsl(265 65% 60%)', // violet
  'hsl(180 70% 36%)', // teal
  'hsl(48 90% 42%)', // amber
  'hsl(0 72% 52%)', // red
  'hsl(90 55% 40%)', // olive
  'hsl(240 15% 55%)', // slate
] as const

export function podColor(index: number): string {
  return podPalette[((index % podPalette.length) + podPalette.length) % podPalette.length]!
}
