import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../route-context.js';

export function registerQueueRoutes(_app: FastifyInstance, _context: RouteContext): void {
  // Filled in by the work-queue routes work.
}
