import { homedir } from 'node:os'
import { join } from 'node:path'

/** Skiff's own data folder outside Electron (Electron uses app.getPath('userData'), the same place). */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.SKIFF_DATA_DIR) return env.SKIFF_DATA_DIR
  const home = env.HOME ?? homedir()
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Skiff')
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Skiff')
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Skiff')
}
