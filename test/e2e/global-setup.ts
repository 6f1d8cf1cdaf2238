import { buildWebIfStale } from '../../web/build-if-stale.js';

/** The browser tests drive the built app: build web/dist first when it is missing or older than web/. */
export default function setup(): void {
  const outcome = buildWebIfStale();
  if (outcome === 'built') console.log('web app (web/dist) built for the browser tests');
}
