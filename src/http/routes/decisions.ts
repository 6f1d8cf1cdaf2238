import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../route-context.js';

export function registerDecisionRoutes(_app: FastifyInstance, _context: RouteContext): void {
  // Filled in by the decisions routes work.
}
