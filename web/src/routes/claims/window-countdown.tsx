import { useTranslation } from 'react-i18next';
import type { ClaimResponse } from '../../api/claims.js';
import { countdownTo, formatDateTime } from '../../format.js';
import { durationText } from '../case/duration-text.js';

/**
 * How long until the claim's window closes (or since it closed), and the closing time in the
 * marketplace's time zone. Only an open claim counts down: once filed or decided the window no longer matters.
 */
export function WindowCountdown({ claim, nowMs }: { claim: ClaimResponse; nowMs: number }) {
  const { t } = useTranslation();
  if (claim.window === null) return <span className="claim-window">{t('claims.noWindow')}</span>;
  const closes = formatDateTime(claim.window.closesAt, claim.marketplace);
  if (claim.status !== 'open') return <span className="claim-window"><span className="deadline-detail">{t('claims.closesAt', { date: closes })}</span></span>;
  const countdown = countdownTo(claim.window.closesAt, nowMs);
  const text = durationText(t, countdown);
  return (
    <span className="claim-window">
      <span className={countdown.overdue ? 'countdown countdown-overdue' : 'countdown'}>
        {countdown.overdue ? t('claims.closedAgo', { duration: text }) : t('claims.closesIn', { duration: text })}
      </span>
      <span className="deadline-detail">{t('claims.closesAt', { date: closes })}</span>
    </span>
  );
}
