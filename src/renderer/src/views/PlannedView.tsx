/** Honest placeholder for a section whose screen has not shipped yet: says so, and where to go instead. */
export function PlannedView({ what }: { what: string }) {
  return (
    <div className="empty-state">
      <p className="empty-title">Not in this build yet</p>
      <p>
        Skiff’s {what} arrive in a coming release. Meanwhile, the <a href="#system">System</a> section shows
        which Kubernetes tools this machine has.
      </p>
    </div>
  )
}
