import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.js';
import type { MeResponse } from '../../api/session.js';
import { useAccountUsers, useRemoveUser, useSetUserRole } from '../../api/users.js';
import type { AccountUser } from '../../api/users.js';
import { EmptyState } from '../../components/state-notices.js';
import { canManageUsers } from '../../permissions.js';
import type { Role } from '../../permissions.js';
import { AddUserForm } from './add-user-form.js';
import { ListStates } from './list-states.js';
import { SettingsSection } from './settings-section.js';
import type { SettingsNoticeValue } from './settings-notice.js';
import { SettingsTable } from './settings-table.js';
import { UserRow } from './user-row.js';

interface Props {
  accountId: number;
  role: Role | undefined;
  user: MeResponse['user'];
}

/** The account's users and their roles: owners add, change and remove them; others see that they cannot. */
export function UsersPanel({ accountId, role, user }: Props) {
  const { t } = useTranslation();
  if (!canManageUsers(role)) {
    return <EmptyState title={t('settings.users.cannot.title')}><p>{t('settings.users.cannot.body')}</p></EmptyState>;
  }
  return <ManagedUsers accountId={accountId} selfId={user.id} />;
}

function ManagedUsers({ accountId, selfId }: { accountId: number; selfId: number }) {
  const { t } = useTranslation();
  const users = useAccountUsers(accountId, true);
  const setRole = useSetUserRole(accountId);
  const remove = useRemoveUser(accountId);
  const [notice, setNotice] = useState<SettingsNoticeValue | null>(null);
  const refusedOrFailed = (error: unknown): SettingsNoticeValue => (isApiError(error, 'conflict')
    ? { kind: 'refused', text: `${t('settings.users.lastOwner')} ${t('errors.serverSaid', { message: error.message })}` }
    : { kind: 'error', error });
  const onRole = (target: AccountUser, next: Role) => setRole.mutate({ userId: target.id, role: next }, {
    onSuccess: () => setNotice({ kind: 'done', text: t('settings.users.roleChanged', { name: target.username, role: t(`settings.roles.${next}`) }) }),
    onError: (error) => setNotice(refusedOrFailed(error)),
  });
  const onRemove = (target: AccountUser) => remove.mutate(target.id, {
    onSuccess: () => setNotice({ kind: 'done', text: t('settings.users.removed', { name: target.username }) }),
    onError: (error) => setNotice(refusedOrFailed(error)),
  });
  return (
    <SettingsSection id="settings-users-title" title={t('settings.users.title')} intro={t('settings.users.intro')} notice={notice}>
      <ListStates query={users} loading={t('settings.users.loading')} empty={t('settings.users.empty')}>
        {(items) => (
          <SettingsTable caption={t('settings.users.caption')}
            headers={<><th scope="col">{t('settings.users.name')}</th><th scope="col">{t('settings.users.role')}</th><th scope="col">{t('settings.users.actions')}</th></>}>
            {items.map((u) => (
              <UserRow key={`${u.id}-${u.roles[String(accountId)] ?? ''}`} user={u} accountId={accountId} isSelf={u.id === selfId}
                pending={setRole.isPending || remove.isPending} onRole={onRole} onRemove={onRemove} />
            ))}
          </SettingsTable>
        )}
      </ListStates>
      <AddUserForm accountId={accountId} onNotice={setNotice} />
    </SettingsSection>
  );
}
