import { StringDecoder } from 'node:string_decoder'
import { Writable } from 'node:stream'

/**
 * Where a session's output goes: a Writable that decodes UTF-8 (never splitting a character between two
 * events) and, because it has `rows`/`columns` and emits 'resize', client-node's Exec and Attach send its
 * size on the resize channel at start and on every change.
 */
export class TerminalOutput extends Writable {
  rows: number
  columns: number
  private readonly decoder = new StringDecoder('utf8')

  constructor(
    size: { cols: number; rows: number },
    private readonly onText: (text: string) => void,
  ) {
    super({ decodeStrings: true })
    this.rows = size.rows
    this.columns = size.cols
  }

  resize(cols: number, rows: number): void {
    if (cols === this.columns && rows === this.rows) return
    this.columns = cols
    this.rows = rows
    this.emit('resize')
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    const text = this.decoder.write(chunk)
    if (text) this.onText(text)
    callback()
  }

  override _final(callback: () => void): void {
    const text = this.decoder.end()
    if (text) this.onText(text)
    callback()
  }
}
