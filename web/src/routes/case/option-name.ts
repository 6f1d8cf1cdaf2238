import type { TFunction } from 'i18next';
import type { DecisionOption } from '../../api/decisions.js';

/** An option's name in the page's language; save offers count their step from 1, as the CLI does. */
export function optionName(t: TFunction, option: Pick<DecisionOption, 'action' | 'step'>): string {
  const name = t(`action.${option.action}`);
  return option.step === undefined ? name : `${name} · ${t('queue.step', { step: option.step + 1 })}`;
}

export const sameOption = (a: Pick<DecisionOption, 'action' | 'step'>, b: Pick<DecisionOption, 'action' | 'step'>) => a.action === b.action && a.step === b.step;
