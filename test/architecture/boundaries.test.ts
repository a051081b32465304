import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

// The walls in eslint.config.js are only worth having if they fail `npm test`: lint deliberate violations.
const eslint = new ESLint({ cwd: process.cwd() })

async function restricted(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

describe('architecture walls', () => {
  const importOf = (what: string, from: string): string =>
    `import { ${what} } from '${from}'\nexport const x = ${what}\n`
  it.each([
    [
      'the sandbox insides from the backend',
      importOf('Store', '../../sandbox/store/store'),
      'src/main/kube/v.ts',
      /sandbox is its own unit/,
    ],
    [
      'the sandbox insides from test support',
      importOf('Store', '../../src/sandbox/store/store'),
      'test/support/v.ts',
      /sandbox is its own unit/,
    ],
    [
      'test code in the product',
      importOf('eventually', '../../../test/support/eventually'),
      'src/main/kube/v.ts',
      /must not import test support/,
    ],
  ])('refuses an import of %s', async (_what, code, file, message) => {
    expect((await restricted(code, file)).join()).toMatch(message)
  })

  it('keeps electron in the shell: the backend cannot import it, and still keeps the other walls', async () => {
    const electron = "import { app } from 'electron'\nexport const a = app\n"
    expect((await restricted(electron, 'src/main/kube/violation.ts')).join()).toMatch(
      /Only the desktop shell/,
    )
    expect(await restricted(electron, 'src/main/shell/x.ts')).toEqual([])
    const inside = "import { Store } from '../../sandbox/store/store'\nexport const s = Store\n"
    expect((await restricted(inside, 'src/main/kube/violation.ts')).join()).toMatch(/sandbox is its own unit/)
  })

  it('allows the entry, and lets tests use test support', async () => {
    expect(
      await restricted(
        "import { startSandbox } from '@sandbox'\nexport const s = startSandbox\n",
        'src/main/x.ts',
      ),
    ).toEqual([])
    expect(
      await restricted(
        "import { eventually } from '../../../test/support/eventually'\nexport const e = eventually\n",
        'src/main/kube/x.test.ts',
      ),
    ).toEqual([])
  })
})
