import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../route-context.js';

export function registerSettingsRoutes(_app: FastifyInstance, _context: RouteContext): void {
  // Filled in by the settings routes work.
}
