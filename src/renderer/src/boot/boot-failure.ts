/**
 * The app's own chunk could not load (the server went away or was updated while the page loaded): say so in
 * plain words, with a Reload button, in the same error box the views use. Plain DOM: React is in that chunk.
 */
export function showBootFailure(root: HTMLElement, err: unknown): void {
  const box = document.createElement('div')
  box.className = 'error-box boot-failure'
  box.setAttribute('role', 'alert')
  const title = document.createElement('strong')
  title.textContent = 'Skiff could not start'
  const message = document.createElement('p')
  const reason = err instanceof Error ? err.message : String(err)
  message.textContent = `${reason} Reloading the page usually helps.`
  box.append(title, message)
  const reload = document.createElement('button')
  reload.type = 'button'
  reload.textContent = 'Reload'
  reload.addEventListener('click', () => window.location.reload())
  root.replaceChildren(box, reload)
  reload.focus()
}
