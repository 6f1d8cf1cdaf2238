import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAmazonStatus, useConnectAmazon, useDisconnectAmazon, useStartSync } from '../../api/amazon.js';
import type { AmazonStatusResponse } from '../../api/amazon.js';
import { isApiError } from '../../api/client.js';
import { ErrorNotice, Loading } from '../../components/state-notices.js';
import { canConfigure, canImport } from '../../permissions.js';
import type { Role } from '../../permissions.js';
import { TextField } from '../first-run/text-field.js';
import { ConfirmButton } from './confirm-button.js';
import { SettingsSection } from './settings-section.js';
import type { SettingsNoticeValue } from './settings-notice.js';
import { SettingsTable } from './settings-table.js';
import { utcTime } from './utc-time.js';

/**
 * The account's Selling Partner API connection (docs/amazon-connection.md): what is connected and how
 * far each report was synced; a sync started at once (`import`); connecting or replacing the
 * credentials and forgetting them (`configure`). The secrets are typed, sent once and never shown.
 */
export function AmazonPanel({ accountId, role }: { accountId: number; role: Role | undefined }) {
  const { t } = useTranslation();
  const status = useAmazonStatus(accountId);
  const [notice, setNotice] = useState<SettingsNoticeValue | null>(null);
  return (
    <SettingsSection id="settings-amazon-title" title={t('settings.amazon.title')} intro={t('settings.amazon.intro')} notice={notice}>
      {status.isPending && <Loading label={t('settings.amazon.loading')} />}
      {status.isError && <ErrorNotice error={status.error} onRetry={() => void status.refetch()} />}
      {status.data && (
        <>
          <ConnectionFacts status={status.data} accountId={accountId} mayImport={canImport(role)} mayConfigure={canConfigure(role)} onNotice={setNotice} />
          {status.data.connection !== null && <SyncStates status={status.data} />}
          {canConfigure(role) ? <ConnectForm accountId={accountId} connected={status.data.connection !== null} onNotice={setNotice} /> : <p className="notice">{t('settings.amazon.readOnly')}</p>}
        </>
      )}
    </SettingsSection>
  );
}

interface FactsProps {
  status: AmazonStatusResponse;
  accountId: number;
  mayImport: boolean;
  mayConfigure: boolean;
  onNotice: (notice: SettingsNoticeValue) => void;
}

function ConnectionFacts({ status, accountId, mayImport, mayConfigure, onNotice }: FactsProps) {
  const { t } = useTranslation();
  const sync = useStartSync(accountId);
  const disconnect = useDisconnectAmazon(accountId);
  const { connection } = status;
  if (connection === null) return <p className="panel">{t('settings.amazon.notConnected')}</p>;
  const start = () => sync.mutate(undefined, {
    onSuccess: (started) => onNotice({ kind: 'done', text: t(started.started ? 'settings.amazon.syncStarted' : 'settings.amazon.syncRunning') }),
    onError: (error) => onNotice({ kind: 'error', error }),
  });
  const forget = () => disconnect.mutate(undefined, {
    onSuccess: () => onNotice({ kind: 'done', text: t('settings.amazon.disconnected') }),
    onError: (error) => onNotice({ kind: 'error', error }),
  });
  return (
    <div className="panel amazon-connection">
      <p>{t('settings.amazon.connected', { region: connection.region, marketplaces: connection.marketplaces.join(', '), at: utcTime(connection.connectedAt) })}</p>
      <p className="table-note">{t('settings.amazon.client', { clientId: connection.clientId })} · {status.scheduleHours > 0 ? t('settings.amazon.schedule', { hours: status.scheduleHours }) : t('settings.amazon.noSchedule')}</p>
      <div className="editor-actions">
        {mayImport && <button type="button" className="button-primary" onClick={start} disabled={sync.isPending || status.syncRunning}>{status.syncRunning ? t('settings.amazon.syncing') : t('settings.amazon.syncNow')}</button>}
        {mayConfigure && <ConfirmButton label={t('settings.amazon.disconnect')} accessibleLabel={t('settings.amazon.disconnect')} question={t('settings.amazon.disconnectQuestion')} pending={disconnect.isPending} onConfirm={forget} />}
      </div>
    </div>
  );
}

function SyncStates({ status }: { status: AmazonStatusResponse }) {
  const { t } = useTranslation();
  if (status.reports.length === 0) return <p className="table-note">{t('settings.amazon.neverSynced')}</p>;
  const columns = ['report', 'marketplace', 'fetchedThrough', 'lastRun', 'outcome'] as const;
  return (
    <SettingsTable caption={t('settings.amazon.caption')} headers={columns.map((c) => <th key={c} scope="col">{t(`settings.amazon.columns.${c}`)}</th>)}>
      {status.reports.map((r) => (
        <tr key={`${r.reportType}-${r.marketplace}`} data-report={r.reportType}>
          <th scope="row">{t(`reportType.${r.reportType}`, { defaultValue: r.reportType })}</th>
          <td>{r.marketplace}</td>
          <td>{r.fetchedThrough === null ? '—' : utcTime(r.fetchedThrough)}</td>
          <td>{r.lastRunAt === null ? '—' : utcTime(r.lastRunAt)}</td>
          <td className="sync-outcome">{t(`settings.amazon.outcomes.${r.lastOutcome ?? 'none'}`, { defaultValue: r.lastOutcome ?? '' })}{r.lastError ? `: ${r.lastError}` : ''}</td>
        </tr>
      ))}
    </SettingsTable>
  );
}

function ConnectForm({ accountId, connected, onNotice }: { accountId: number; connected: boolean; onNotice: (notice: SettingsNoticeValue) => void }) {
  const { t } = useTranslation();
  const connect = useConnectAmazon(accountId);
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [refreshToken, setRefreshToken] = useState('');
  const [marketplaces, setMarketplaces] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const codes = marketplaces.split(/[\s,]+/).map((c) => c.trim().toUpperCase()).filter((c) => c !== '');
    connect.mutate({ clientId: clientId.trim(), clientSecret, refreshToken: refreshToken.trim(), marketplaces: codes }, {
      onSuccess: (done) => {
        // The secrets leave the page's memory once the server holds them: the fields, and the mutation's copy.
        setClientSecret('');
        setRefreshToken('');
        connect.reset();
        onNotice({ kind: 'done', text: t('settings.amazon.connectedNow', { region: done.connection?.region ?? '', marketplaces: done.connection?.marketplaces.join(', ') ?? '' }) });
      },
      onError: (error) => onNotice(isApiError(error, 'invalid_input') ? { kind: 'refused', text: error.message } : { kind: 'error', error }),
    });
  };
  return (
    <form className="panel settings-form" onSubmit={submit} aria-labelledby="amazon-connect-title">
      <h3 id="amazon-connect-title">{connected ? t('settings.amazon.replaceTitle') : t('settings.amazon.connectTitle')}</h3>
      <p className="table-note">{t('settings.amazon.howTo')}</p>
      <TextField label={t('settings.amazon.clientId')} value={clientId} onChange={setClientId} required autoComplete="off" />
      <TextField label={t('settings.amazon.clientSecret')} value={clientSecret} onChange={setClientSecret} required type="password" autoComplete="off" />
      <TextField label={t('settings.amazon.refreshToken')} value={refreshToken} onChange={setRefreshToken} required type="password" autoComplete="off" />
      <TextField label={t('settings.amazon.marketplaces')} value={marketplaces} onChange={setMarketplaces} required autoComplete="off" hint={t('settings.amazon.marketplacesHint')} />
      <button type="submit" className="button-primary" disabled={connect.isPending}>{connected ? t('settings.amazon.replace') : t('settings.amazon.connect')}</button>
    </form>
  );
}
