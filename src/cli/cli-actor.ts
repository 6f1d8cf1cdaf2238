import { userInfo } from 'node:os';

/**
 * Who the audit log names for a command run on the server: the operating-system user (the command
 * line has the database's own access and no login).
 */
export function cliActor(): string {
  return `cli:${userInfo().username}`;
}
