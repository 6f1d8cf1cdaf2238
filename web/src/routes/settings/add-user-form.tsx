import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.js';
import { useAddUser } from '../../api/users.js';
import type { Role } from '../../permissions.js';
import { TextField } from '../first-run/text-field.js';
import { checkNewUser } from './new-user-check.js';
import type { NewUserProblems } from './new-user-check.js';
import { allRoles } from './roles.js';
import { SelectField } from './select-field.js';
import type { SettingsNoticeValue } from './settings-notice.js';

const empty = { username: '', displayName: '', password: '' };

/**
 * Adds a user with a password and a role. The password lives in this form's state only, until sent;
 * it is cleared once the user is added, and never logged or stored.
 */
export function AddUserForm({ accountId, onNotice }: { accountId: number; onNotice: (notice: SettingsNoticeValue) => void }) {
  const { t } = useTranslation();
  const add = useAddUser(accountId);
  const [form, setForm] = useState(empty);
  const [role, setRole] = useState<Role>('agent');
  const [problems, setProblems] = useState<NewUserProblems>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkNewUser(form.username, form.password);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const displayName = form.displayName.trim() === '' ? undefined : form.displayName.trim();
    add.mutate({ username: form.username.trim(), displayName, password: form.password, role }, {
      onSuccess: (added) => {
        setForm(empty);
        onNotice({ kind: 'done', text: t('settings.users.added', { name: added.username, role: t(`settings.roles.${role}`) }) });
      },
      onError: (error) => onNotice(isApiError(error, 'conflict')
        ? { kind: 'refused', text: `${t('settings.users.addConflict')} ${t('errors.serverSaid', { message: error.message })}` }
        : { kind: 'error', error }),
    });
  };
  const field = (name: keyof typeof empty) => (value: string) => setForm((f) => ({ ...f, [name]: value }));
  return (
    <form className="panel settings-form" onSubmit={submit} aria-labelledby="add-user-title" noValidate>
      <h3 id="add-user-title">{t('settings.users.addTitle')}</h3>
      <TextField label={t('settings.users.username')} value={form.username} onChange={field('username')} autoComplete="off" required
        problem={problems.username && t(`settings.users.problems.${problems.username}`)} />
      <TextField label={t('settings.users.displayName')} value={form.displayName} onChange={field('displayName')} autoComplete="off" maxLength={100} />
      <TextField label={t('settings.users.password')} type="password" value={form.password} onChange={field('password')} autoComplete="new-password" required
        hint={t('settings.users.passwordHint')} problem={problems.password && t(`settings.users.problems.${problems.password}`)} />
      <SelectField label={t('settings.users.role')} value={role} options={allRoles} optionLabel={(r) => t(`settings.roles.${r}`)} onChange={setRole} />
      <button type="submit" className="button-primary" disabled={add.isPending}>{t('settings.users.add')}</button>
    </form>
  );
}
