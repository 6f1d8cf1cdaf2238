import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountUser } from '../../api/users.js';
import type { Role } from '../../permissions.js';
import { ConfirmButton } from './confirm-button.js';
import { allRoles } from './roles.js';
import { SelectField } from './select-field.js';

interface Props {
  user: AccountUser;
  accountId: number;
  isSelf: boolean;
  pending: boolean;
  onRole: (user: AccountUser, role: Role) => void;
  onRemove: (user: AccountUser) => void;
}

/** One user: their name, their role here with a way to change it, and their removal after a question. */
export function UserRow({ user, accountId, isSelf, pending, onRole, onRemove }: Props) {
  const { t } = useTranslation();
  const current = user.roles[String(accountId)];
  const [role, setRole] = useState<Role>(current ?? 'viewer');
  return (
    <tr data-username={user.username}>
      <th scope="row">
        <span className="user-name-cell">{user.displayName}</span>
        {user.displayName !== user.username && <span className="user-login"> ({user.username})</span>}
        {isSelf && <span className="user-login"> · {t('settings.users.you')}</span>}
      </th>
      <td>{current === undefined ? '—' : t(`settings.roles.${current}`)}</td>
      <td>
        <div className="row-actions">
          <form className="role-change" onSubmit={(event) => { event.preventDefault(); onRole(user, role); }}>
            <SelectField label={t('settings.users.newRoleOf', { name: user.username })} hideLabel value={role} options={allRoles}
              optionLabel={(r) => t(`settings.roles.${r}`)} onChange={setRole} />
            <button type="submit" disabled={pending || role === current}>{t('settings.users.changeRole')}</button>
          </form>
          <ConfirmButton label={t('settings.users.remove')} accessibleLabel={t('settings.users.removeNamed', { name: user.username })}
            question={t('settings.users.removeQuestion', { name: user.username })} pending={pending} onConfirm={() => onRemove(user)} />
        </div>
      </td>
    </tr>
  );
}
