import { useState } from 'react';
import type { SsoProtocol } from '../generated/graphql';
import { AddOidcConnectionForm } from './AddOidcConnectionForm';
import { AddSamlConnectionForm } from './AddSamlConnectionForm';
import { PROTOCOL_LABELS } from './labels';

/** Picks the protocol the provider speaks, then its form; says where the new connection went once added. */
export function AddConnection() {
  const [protocol, setProtocol] = useState<SsoProtocol>('OIDC');
  const [added, setAdded] = useState<string | null>(null);
  return (
    <>
      {added && (
        <div className="banner banner-note" role="status">
          <p>
            Connection “{added}” added. Its card above says what to enter at the provider; then add its domain
            and the roles for new people.
          </p>
        </div>
      )}
      <fieldset className="fieldset">
        <legend>Protocol</legend>
        <div className="sso-protocols">
          {(['OIDC', 'SAML'] as const).map((value) => (
            <label key={value} className="checkbox">
              <input
                type="radio"
                name="protocol"
                value={value}
                checked={protocol === value}
                onChange={() => {
                  setProtocol(value);
                  setAdded(null);
                }}
              />{' '}
              {PROTOCOL_LABELS[value]}
            </label>
          ))}
        </div>
      </fieldset>
      {protocol === 'OIDC' ? (
        <AddOidcConnectionForm onAdded={setAdded} />
      ) : (
        <AddSamlConnectionForm onAdded={setAdded} />
      )}
    </>
  );
}
