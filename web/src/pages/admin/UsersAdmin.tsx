/** One tab of the admin screen (its own module, so each part is built and tested on its own). */
export function UsersAdmin() {
  return <p className="muted">—</p>;
}
