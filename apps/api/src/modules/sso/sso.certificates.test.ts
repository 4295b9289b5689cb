import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpConsultancy, type SignedIn } from '../../../test/factories.js';
import { graphql } from '../../../test/generated/index.js';
import { trailOf } from '../../../test/sso-factories.js';
import { startTestApi, type TestApi } from '../../../test/test-api.js';

const ADD_SAML = graphql(`
  mutation SsoCertificatesAddSaml($input: AddSamlConnectionInput!) {
    addSamlConnection(input: $input) {
      connection {
        id
        certificates {
          daysLeft
          expiresSoon
          fingerprint
        }
      }
      userErrors {
        field
        message
      }
    }
  }
`);

const DAY_MS = 86_400_000;

/** A provider's signing certificate that expires this many days from now. */
async function certificateExpiringIn(days: number): Promise<string> {
  const pems = await generate([{ name: 'commonName', value: 'Test identity provider signing' }], {
    notBeforeDate: new Date(Date.now() - DAY_MS),
    notAfterDate: new Date(Date.now() + days * DAY_MS),
  });
  return pems.cert;
}

let api: TestApi;
let admin: SignedIn;

const warningsTo = async (email: string) =>
  (await api.queuedMail()).filter((mail) => mail.to === email && mail.kind === 'SSO_CERTIFICATE_EXPIRING');

beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpConsultancy(api);
});

afterAll(async () => {
  await api?.close();
});

describe('certificate expiry', () => {
  it('warns every admin by email once per threshold, and shows the certificate as expiring soon', async () => {
    const added = await api.graphql(
      ADD_SAML,
      {
        input: {
          name: 'Okta (SAML)',
          idpEntityId: 'http://www.okta.com/exk-test',
          ssoUrl: 'https://example.okta.com/app/sso/saml',
          certificate: await certificateExpiringIn(6.5),
        },
      },
      { token: admin.token },
    );
    expect(added.data.addSamlConnection.userErrors).toEqual([]);
    const connection = added.data.addSamlConnection.connection!;
    expect(connection.certificates).toEqual([expect.objectContaining({ daysLeft: 6, expiresSoon: true })]);

    await api.scheduledWork.runOnce();
    const warned = await warningsTo(admin.email);
    expect(warned.map((mail) => mail.subject)).toEqual([
      'Single sign-on certificate of Okta (SAML) expires in 6 days',
    ]);
    expect(warned[0]!.text).toContain('/admin/single-sign-on');
    expect(await trailOf(api, admin, 'warnSsoCertificateExpiry')).toEqual([
      expect.objectContaining({
        objectId: connection.id,
        detail: `7 days: ${connection.certificates[0]!.fingerprint}`,
      }),
    ]);

    // Checked again (the next daily check brought forward): the 7-day warning went already, the 1-day one is not due.
    await api.ownerQuery(
      `UPDATE scheduled_work SET next_attempt_at = now() WHERE job = 'SSO_CERTIFICATE_CHECK' AND status = 'PENDING'`,
    );
    await api.scheduledWork.runOnce();
    expect(await warningsTo(admin.email)).toHaveLength(1);
  });

  it('says nothing of a certificate far from expiry', async () => {
    const other = await signUpConsultancy(api);
    const added = await api.graphql(
      ADD_SAML,
      {
        input: {
          name: 'Entra ID (SAML)',
          idpEntityId: 'https://sts.windows.net/test/',
          ssoUrl: 'https://login.microsoftonline.com/test/saml2',
          certificate: await certificateExpiringIn(400),
        },
      },
      { token: other.token },
    );
    expect(added.data.addSamlConnection.connection?.certificates).toEqual([
      expect.objectContaining({ expiresSoon: false }),
    ]);
    await api.scheduledWork.runOnce();
    expect(await warningsTo(other.email)).toEqual([]);
  });
});
