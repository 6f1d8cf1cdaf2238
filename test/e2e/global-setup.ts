import { buildWebIfStale } from '../../web/build-if-stale.js';
import { e2eWebDirectory } from './web-directory.js';

/** The browser tests drive the built app: build it first when it is missing or older than web/. */
export default function setup(): void {
  const outcome = buildWebIfStale(e2eWebDirectory());
  if (outcome === 'built') console.log(`web app built for the browser tests into ${e2eWebDirectory() ?? 'web/dist'}`);
}
