import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccounts } from '../../api/accounts.js';
import { useRevokeToken, useTokens } from '../../api/tokens.js';
import type { ApiToken } from '../../api/tokens.js';
import type { Role } from '../../permissions.js';
import { ListStates } from './list-states.js';
import { NewTokenForm } from './new-token-form.js';
import { SettingsSection } from './settings-section.js';
import type { SettingsNoticeValue } from './settings-notice.js';
import { SettingsTable } from './settings-table.js';
import { TokenRow } from './token-row.js';

const tokenColumns = ['name', 'prefix', 'account', 'role', 'lastUsed', 'state'] as const;

/** The user's own API tokens: listed (never their secrets), made for this account, revoked after a question. */
export function TokensPanel({ accountId, role }: { accountId: number; role: Role | undefined }) {
  const { t } = useTranslation();
  const tokens = useTokens();
  const accounts = useAccounts(true);
  const revoke = useRevokeToken();
  const [notice, setNotice] = useState<SettingsNoticeValue | null>(null);
  const accountName = (id: number) => accounts.data?.items.find((a) => a.id === id)?.name ?? `#${id}`;
  const onRevoke = (token: ApiToken) => revoke.mutate(token.id, {
    onSuccess: () => setNotice({ kind: 'done', text: t('settings.tokens.revoked', { name: token.name }) }),
    onError: (error) => setNotice({ kind: 'error', error }),
  });
  return (
    <SettingsSection id="settings-tokens-title" title={t('settings.tokens.title')} intro={t('settings.tokens.intro')} notice={notice}>
      <ListStates query={tokens} loading={t('settings.tokens.loading')} empty={t('settings.tokens.empty')}>
        {(items) => (
          <SettingsTable caption={t('settings.tokens.caption')} headers={tokenColumns.map((c) => <th key={c} scope="col">{t(`settings.tokens.${c}`)}</th>)}>
            {items.map((token) => <TokenRow key={token.id} token={token} accountName={accountName(token.accountId)} pending={revoke.isPending} onRevoke={onRevoke} />)}
          </SettingsTable>
        )}
      </ListStates>
      <NewTokenForm accountId={accountId} accountName={accountName(accountId)} role={role} onNotice={setNotice} />
    </SettingsSection>
  );
}
