import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateToken } from '../../api/tokens.js';
import type { Role } from '../../permissions.js';
import { TextField } from '../first-run/text-field.js';
import { tokenRolesFor } from './roles.js';
import { SelectField } from './select-field.js';
import type { SettingsNoticeValue } from './settings-notice.js';
import { TokenSecret } from './token-secret.js';

interface Props {
  accountId: number;
  accountName: string;
  role: Role | undefined;
  onNotice: (notice: SettingsNoticeValue | null) => void;
}

/** Makes a token for this account with a role the user's covers; its secret is shown once, then forgotten. */
export function NewTokenForm({ accountId, accountName, role, onNotice }: Props) {
  const { t } = useTranslation();
  const create = useCreateToken();
  const roles = tokenRolesFor(role);
  const [name, setName] = useState('');
  const [tokenRole, setTokenRole] = useState<Role>(roles.at(-1) ?? 'viewer');
  // Held in this component's state only (not in storage, not in the query cache), and dropped on "Done".
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);
  if (roles.length === 0) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name: name.trim(), accountId, role: tokenRole }, {
      onSuccess: (created) => {
        setSecret({ name: created.token.name, secret: created.secret });
        setName('');
        onNotice(null);
        create.reset();
      },
      onError: (error) => onNotice({ kind: 'error', error }),
    });
  };
  if (secret !== null) return <TokenSecret name={secret.name} secret={secret.secret} onDone={() => setSecret(null)} />;
  return (
    <form className="panel settings-form" onSubmit={submit} aria-labelledby="new-token-title">
      <h3 id="new-token-title">{t('settings.tokens.createTitle')}</h3>
      <p className="field-hint">{t('settings.tokens.createFor', { account: accountName })}</p>
      <TextField label={t('settings.tokens.name')} value={name} onChange={setName} required maxLength={100} autoComplete="off" hint={t('settings.tokens.nameHint')} />
      <SelectField label={t('settings.tokens.role')} value={tokenRole} options={roles} optionLabel={(r) => t(`settings.roles.${r}`)} onChange={setTokenRole} />
      <p className="field-hint">{t('settings.tokens.noExpiry')}</p>
      <button type="submit" className="button-primary" disabled={create.isPending || name.trim() === ''}>{t('settings.tokens.create')}</button>
    </form>
  );
}
