import { NotFoundPage } from '../NotFoundPage.js';

/** Not built yet: the route answers as an unknown page until this screen lands. */
export function EntryPage() {
  return <NotFoundPage />;
}
