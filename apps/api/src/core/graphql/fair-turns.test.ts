import { describe, expect, it } from 'vitest';
import { nextTurn } from './fair-turns.js';

describe('turns taken in rounds by consultancy', () => {
  it('wakes one waiting request per consultancy each round, so a busy one cannot go twice before a quiet one', async () => {
    const woken: string[] = [];
    const wait = (group: string, name: string) => nextTurn(group).then(() => woken.push(name));
    await Promise.all([
      wait('tenant:busy', 'busy 1'),
      wait('tenant:busy', 'busy 2'),
      wait('tenant:busy', 'busy 3'),
      wait('tenant:quiet', 'quiet 1'),
    ]);
    expect(woken).toEqual(['busy 1', 'quiet 1', 'busy 2', 'busy 3']);
  });
});
