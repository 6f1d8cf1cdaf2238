import { useTranslation } from 'react-i18next';
import type { ApiToken } from '../../api/tokens.js';
import { ConfirmButton } from './confirm-button.js';
import { utcTime } from './utc-time.js';

interface Props {
  token: ApiToken;
  accountName: string;
  pending: boolean;
  onRevoke: (token: ApiToken) => void;
}

export function TokenRow({ token, accountName, pending, onRevoke }: Props) {
  const { t } = useTranslation();
  return (
    <tr data-token-id={token.id}>
      <th scope="row">{token.name}</th>
      <td><code>{token.prefix}…</code></td>
      <td>{accountName}</td>
      <td>{t(`settings.roles.${token.role}`)}</td>
      <td>{token.lastUsedAt === null ? t('settings.tokens.never') : utcTime(token.lastUsedAt)}</td>
      <td>
        {token.revokedAt !== null
          ? <span className="token-revoked">{t('settings.tokens.revokedAt', { at: utcTime(token.revokedAt) })}</span>
          : <ConfirmButton label={t('settings.tokens.revoke')} accessibleLabel={t('settings.tokens.revokeNamed', { name: token.name })}
            question={t('settings.tokens.revokeQuestion', { name: token.name })} pending={pending} onConfirm={() => onRevoke(token)} />}
      </td>
    </tr>
  );
}
