import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

// The web app (web/, built by Vite into web/dist) served at `/` by the same server as the API, so
// `npm start` is all a user runs. Its routes are public: the files are the same for everyone, and
// every answer with data comes from /api, which checks who is asking.

/** Where `npm run build:web` writes the app. */
export const defaultWebDirectory = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** Paths the app never answers: they belong to the API and keep its JSON 404. */
export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

const access = { public: true } as const;
/** The app's files and its index page are bytes to the API's answer checks, like downloads. */
const page = { replies: { 200: 'file', 503: 'file' } } as const;

/** Serves the built app with a fallback to its index.html for the app's own paths (`/queue`, `/cases/12`). */
export async function registerWebApp(app: FastifyInstance, directory: string): Promise<void> {
  const root = resolve(directory);
  if (!existsSync(resolve(root, 'index.html'))) {
    app.log.warn(`The web app is not built (${root}/index.html is missing): run npm run build:web.`);
    app.get('/*', { config: { access, ...page }, schema: { hide: true } }, answerNotBuilt);
    return;
  }
  // serve: false: the plugin only lends reply.sendFile (with its path checks); the one route below is
  // ours, so it declares its access like every other route.
  await app.register(fastifyStatic, { root, serve: false, setHeaders: setCacheHeaders, index: false });
  app.get('/*', { config: { access, ...page }, schema: { hide: true } }, async (request, reply) => {
    const path = pathOf(request);
    if (path === null || isApiPath(path)) return reply.callNotFound();
    if (isFileIn(root, path)) return reply.sendFile(path.slice(1));
    if (path === '/' || acceptsHtml(request)) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    return reply.callNotFound();
  });
}

// Vite names every built asset by a hash of its content, so one can be kept for a year; index.html
// names the current ones and must be checked again on each visit.
function setCacheHeaders(reply: FastifyReply, path: string): void {
  reply.header('cache-control', path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
}

function pathOf(request: FastifyRequest): string | null {
  try {
    return decodeURIComponent(request.url.split('?')[0] ?? '/');
  } catch {
    return null;
  }
}

/** Whether `path` names a file inside `root` (never outside it, whatever `..` it holds). */
function isFileIn(root: string, path: string): boolean {
  const file = resolve(root, `.${path}`);
  if (!file.startsWith(root + sep)) return false;
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** A browser navigating asks for HTML; a script or an image asking for a missing file gets a 404. */
function acceptsHtml(request: FastifyRequest): boolean {
  return request.headers.accept?.includes('text/html') ?? false;
}

const notBuiltPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ReturnDesk: the web app is not built</title></head>
<body><h1>The ReturnDesk web app is not built yet</h1>
<p>The server and its API run (see <a href="/api/docs">/api/docs</a>), but the web app's files are missing.
Build them in the ReturnDesk folder with:</p>
<pre>npm run build:web</pre>
<p>then reload this page. <code>npm start</code> builds them by itself when they are missing or older than the sources.</p>
</body></html>
`;

async function answerNotBuilt(request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
  const path = pathOf(request);
  if (path === null || isApiPath(path) || (path !== '/' && !acceptsHtml(request))) return reply.callNotFound();
  return reply.status(503).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(notBuiltPage);
}
