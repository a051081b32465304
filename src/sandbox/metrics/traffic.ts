// Requests each pod has answered (through port-forward), so that simulated CPU follows real load.
const WINDOW_MS = 60_000

export class TrafficMeter {
  private readonly hits = new Map<string, number[]>()

  record(podUid: string, at: number): void {
    const list = this.hits.get(podUid) ?? []
    list.push(at)
    if (list.length > 10_000) list.splice(0, list.length - 10_000)
    this.hits.set(podUid, list)
  }

  // Requests a second over the last minute, weighted so recent ones count more (a load that stops fades out).
  rate(podUid: string, now: number): number {
    const list = this.hits.get(podUid)
    if (!list) return 0
    while (list.length > 0 && (list[0] ?? 0) < now - WINDOW_MS) list.shift()
    if (list.length === 0) this.hits.delete(podUid)
    return list.reduce((sum, at) => sum + (1 - (now - at) / WINDOW_MS), 0) / (WINDOW_MS / 2000)
  }
}
