import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccounts, useAddAccount } from '../../api/accounts.js';
import { isApiError } from '../../api/client.js';
import type { MeResponse } from '../../api/session.js';
import { TextField } from '../first-run/text-field.js';
import { ListStates } from './list-states.js';
import { SettingsSection } from './settings-section.js';
import type { SettingsNoticeValue } from './settings-notice.js';
import { SettingsTable } from './settings-table.js';
import { utcTime } from './utc-time.js';

/** The seller accounts the user holds a role in, with the role; an owner of any of them may add one (docs/api/settings.md#seller-accounts). */
export function AccountsPanel({ user }: { user: MeResponse['user'] }) {
  const { t } = useTranslation();
  const accounts = useAccounts(true);
  const [notice, setNotice] = useState<SettingsNoticeValue | null>(null);
  const mayAdd = Object.values(user.roles).includes('owner');
  return (
    <SettingsSection id="settings-accounts-title" title={t('settings.accounts.title')} notice={notice}>
      <ListStates query={accounts} loading={t('settings.accounts.loading')} empty={t('settings.accounts.empty')}>
        {(items) => (
          <SettingsTable caption={t('settings.accounts.caption')} headers={(['name', 'role', 'created'] as const).map((c) => <th key={c} scope="col">{t(`settings.accounts.${c}`)}</th>)}>
            {items.map((a) => <tr key={a.id}><th scope="row">{a.name}</th><td>{t(`settings.roles.${a.role}`)}</td><td>{utcTime(a.createdAt)}</td></tr>)}
          </SettingsTable>
        )}
      </ListStates>
      {mayAdd ? <AddAccountForm onNotice={setNotice} /> : <p className="notice">{t('settings.accounts.ownersOnly')}</p>}
    </SettingsSection>
  );
}

function AddAccountForm({ onNotice }: { onNotice: (notice: SettingsNoticeValue) => void }) {
  const { t } = useTranslation();
  const add = useAddAccount();
  const [name, setName] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(name.trim(), {
      onSuccess: (added) => {
        setName('');
        onNotice({ kind: 'done', text: t('settings.accounts.added', { name: added.name }) });
      },
      onError: (error) => onNotice(isApiError(error, 'conflict')
        ? { kind: 'refused', text: t('settings.accounts.nameTaken', { name: name.trim() }) }
        : { kind: 'error', error }),
    });
  };
  return (
    <form className="panel settings-form" onSubmit={submit} aria-labelledby="add-account-title">
      <h3 id="add-account-title">{t('settings.accounts.addTitle')}</h3>
      <TextField label={t('settings.accounts.name')} value={name} onChange={setName} required maxLength={100} autoComplete="off" hint={t('settings.accounts.nameHint')} />
      <button type="submit" className="button-primary" disabled={add.isPending || name.trim() === ''}>{t('settings.accounts.add')}</button>
    </form>
  );
}
