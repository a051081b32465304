import { dialog, type BrowserWindow } from 'electron'

/**
 * Closing kills running cluster jobs (their cleanup deletes half-made clusters), so the window asks first
 * while any run. Once the person chose to quit, later close events pass.
 */
export function confirmCloseWhileJobsRun(win: BrowserWindow, runningJobs: () => number): void {
  let confirmed = false
  win.on('close', (e) => {
    const running = runningJobs()
    if (running === 0 || confirmed) return
    const choice = dialog.showMessageBoxSync(win, {
      type: 'warning',
      buttons: ['Keep Skiff open', 'Quit and cancel'],
      defaultId: 0,
      cancelId: 0,
      message: `${running} cluster job${running === 1 ? ' is' : 's are'} still running.`,
      detail: 'Quitting cancels them; a cluster being created is deleted again.',
    })
    if (choice === 1) confirmed = true
    else e.preventDefault()
  })
}
