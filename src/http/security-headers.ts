import type { FastifyInstance } from 'fastify';
import { docsPrefix } from './openapi.js';
import { isApiPath } from './web-app.js';

// Headers every API answer carries, whatever the route: a browser never guesses a content type, never
// shows an answer inside another site's frame, and never tells another site which ReturnDesk page
// linked to it. The docs page needs its own scripts and styles, so its answers keep a looser policy.

const always = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
};

/** JSON and file answers are never a page: nothing in them may run or load. */
const apiPolicy = "default-src 'none'; frame-ancestors 'none'; sandbox";

/**
 * The web app's pages: only the app's own files run and load, and no inline script ever does (Vite
 * emits none). Styles may be inline: React's `style` props and charts (ECharts writes style
 * attributes into its tooltips and SVG output), and a style cannot run code. Images may be data: and
 * blob: URLs: a chart saved as an image, a photo previewed before it is uploaded.
 */
export const appPolicy = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:",
  "connect-src 'self'", "font-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
].join('; ');

export function registerSecurityHeaders(app: FastifyInstance): void {
  // A callback hook, not an async one: it runs on every answer, and a promise each time shows under load.
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.headers(always);
    if (!request.url.startsWith(docsPrefix) && !reply.hasHeader('content-security-policy')) {
      reply.header('content-security-policy', isApiPath(request.url.split('?', 1)[0]!) ? apiPolicy : appPolicy);
    }
    done(null, payload);
  });
}
