/// <reference types="node" />
import dgram from 'node:dgram';
import dnsPacket from 'dns-packet';

/** Response code of an answer for a name we hold nothing for (RFC 1035 §4.1.1), in the low bits of the flags. */
const NXDOMAIN = 3;

export interface TxtServer {
  /** Publishes a TXT record, as an admin does at their domain's DNS. */
  publish(name: string, value: string): void;
  close(): Promise<void>;
}

/**
 * The DNS a consultancy's domain would have, on 127.0.0.1: answers TXT questions for the records published here,
 * NXDOMAIN for anything else. The product asks it through SSO_DNS_SERVERS (e2e/product.ts).
 */
export function startTxtServer(port: number): Promise<TxtServer> {
  const records = new Map<string, string[]>();
  const socket = dgram.createSocket('udp4');
  socket.on('message', (message, from) => {
    let query;
    try {
      query = dnsPacket.decode(message);
    } catch {
      return; // not DNS: nothing to answer
    }
    const questions = query.questions ?? [];
    const answers = questions.flatMap((question) =>
      question.type === 'TXT'
        ? (records.get(question.name.toLowerCase()) ?? []).map((value) => ({
            type: 'TXT' as const,
            class: 'IN' as const,
            name: question.name,
            ttl: 0,
            data: [value],
          }))
        : [],
    );
    const known = questions.every((question) => records.has(question.name.toLowerCase()));
    const answer = dnsPacket.encode({
      type: 'response',
      id: query.id ?? 0,
      flags: dnsPacket.AUTHORITATIVE_ANSWER | (known ? 0 : NXDOMAIN),
      questions,
      answers,
    });
    socket.send(answer, from.port, from.address);
  });
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, '127.0.0.1', () =>
      resolve({
        publish(name, value) {
          const key = name.toLowerCase();
          records.set(key, [...(records.get(key) ?? []), value]);
        },
        close: () => new Promise((done) => socket.close(() => done())),
      }),
    );
  });
}
