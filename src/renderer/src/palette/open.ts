/** Opens the palette from anywhere (the header chip, the shortcut); `scope` limits it to one provider. */
let opener: ((scope?: string) => void) | undefined

export function setPaletteOpener(fn: ((scope?: string) => void) | undefined): void {
  opener = fn
}

export function openPalette(scope?: string): void {
  opener?.(scope)
}
