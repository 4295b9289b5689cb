import { describe, expect, it } from 'vitest';
import { certificatesIn } from './certificates-text';

const pem = (body: string) => `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----`;

describe('certificatesIn', () => {
  it('finds each PEM block, as pasted during a rollover', () => {
    expect(certificatesIn(`${pem('AAA')}\n\n${pem('BBB')}\n`)).toEqual([pem('AAA'), pem('BBB')]);
  });

  it('takes bare base64 as one certificate, and nothing as none', () => {
    expect(certificatesIn('  MIIC123==  ')).toEqual(['MIIC123==']);
    expect(certificatesIn(' \n ')).toEqual([]);
  });
});
