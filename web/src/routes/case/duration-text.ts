import type { TFunction } from 'i18next';
import type { Countdown } from '../../format.js';

/** The two largest units of a countdown ("2 d 4 h", "3 h 20 min", "12 min"), as the queue writes them. */
export function durationText(t: TFunction, c: Countdown): string {
  if (c.days > 0) return `${t('duration.days', { count: c.days })} ${t('duration.hours', { count: c.hours })}`;
  if (c.hours > 0) return `${t('duration.hours', { count: c.hours })} ${t('duration.minutes', { count: c.minutes })}`;
  return t('duration.minutes', { count: c.minutes });
}
