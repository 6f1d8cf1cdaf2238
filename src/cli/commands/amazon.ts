import type { Command } from 'commander';
import { newSecretKey } from '../../services/secret-box.js';

/** `returndesk secret-key`: the Amazon connection's commands (docs/amazon-connection.md). */
export function registerAmazon(program: Command): void {
  program.command('secret-key')
    .description('Print a new random RETURNDESK_SECRET_KEY, the key Amazon credentials are stored encrypted with')
    .action(() => {
      // Printed, never written anywhere: where it is kept (.env, a secrets manager) is the operator's choice.
      console.log(newSecretKey());
    });
}
