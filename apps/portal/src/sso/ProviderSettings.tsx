import type { SsoConnectionFieldsFragment } from '../generated/graphql';
import { CopyField } from '../ui/CopyField';

type ServiceProvider = SsoConnectionFieldsFragment['serviceProvider'];

const FIELDS: readonly { key: keyof Omit<ServiceProvider, '__typename'>; label: string }[] = [
  { key: 'redirectUri', label: 'Redirect URI' },
  { key: 'postLogoutRedirectUri', label: 'Post-logout redirect URI' },
  { key: 'entityId', label: 'Entity ID (audience)' },
  { key: 'acsUrl', label: 'Assertion consumer service URL' },
  { key: 'sloUrl', label: 'Single logout URL' },
  { key: 'metadataUrl', label: 'Metadata URL' },
];

/** What the admin enters at the identity provider: only the fields of the connection's protocol have a value. */
export function ProviderSettings({ serviceProvider }: { serviceProvider: ServiceProvider }) {
  return (
    <div className="sso-provider-settings">
      {FIELDS.map(({ key, label }) => {
        const value = serviceProvider[key];
        return value ? <CopyField key={key} label={label} value={value} /> : null;
      })}
    </div>
  );
}
