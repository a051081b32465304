// A Skiff writer in its own process, for kill -9 tests: `hold <file>` takes kubectl's lock and never lets go;
// `loop <file>` edits the file with safeEdit again and again. Each prints a line per step it reached.
import { withFileLock } from '../../src/main/kubeconfig/lock'
import { safeEdit } from '../../src/main/kubeconfig/safe-write'

const [mode, file] = process.argv.slice(2)
if (!file) throw new Error('usage: hold|loop <file>')

if (mode === 'hold') {
  await withFileLock(file, async () => {
    // A pending promise alone does not keep Node alive: without the timer the child would exit on its own
    // (unsettled top-level await) and the test's kill -9 could wait for an exit that already happened.
    setInterval(() => undefined, 60_000)
    console.log('locked')
    await new Promise(() => undefined)
  })
} else {
  for (let i = 0; ; i++) {
    await safeEdit(file, (text) => text.replace(/# n=\d+\n$/, '') + `# n=${i}\n`, { homedir: '' })
    console.log(`wrote ${i}`)
  }
}
