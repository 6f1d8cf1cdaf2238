import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './20261127T1100-initial.js';
import * as policies from './20261127T1300-policies.js';
import * as caseOutcomes from './20261127T1500-case-outcomes.js';
import * as inspections from './20261127T1700-inspections.js';
import * as claims from './20261127T1900-claims.js';
import * as claimsReadIndexes from './20261127T2100-claims-read-indexes.js';
import * as prevention from './20261128T0900-prevention.js';
import * as preventionCostRollup from './20261128T1100-prevention-cost-rollup.js';
import * as access from './20261128T1300-access.js';
import * as workQueue from './20261128T1500-work-queue.js';
import * as readIndexes from './20261128T1600-read-indexes.js';
import * as amazonConnections from './20261128T1700-amazon-connections.js';

// Listed statically (not read from the folder) so the set of migrations is part of the code.
const migrations: Record<string, Migration> = {
  '20261127T1100-initial': initial,
  '20261127T1300-policies': policies,
  '20261127T1500-case-outcomes': caseOutcomes,
  '20261127T1700-inspections': inspections,
  '20261127T1900-claims': claims,
  '20261127T2100-claims-read-indexes': claimsReadIndexes,
  '20261128T0900-prevention': prevention,
  '20261128T1100-prevention-cost-rollup': preventionCostRollup,
  '20261128T1300-access': access,
  '20261128T1500-work-queue': workQueue,
  '20261128T1600-read-indexes': readIndexes,
  '20261128T1700-amazon-connections': amazonConnections,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
