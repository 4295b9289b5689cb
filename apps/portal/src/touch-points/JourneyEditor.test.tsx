import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { JourneyQuery, ReorderMutation, SetMomentOfTruthMutation } from './documents';
import { JourneyEditor } from './JourneyEditor';

interface Point {
  id: string;
  name: string;
  momentOfTruth?: boolean;
}

function journeyAnswer(revision: number, stages: { id: string; name: string; points: Point[] }[]) {
  return {
    data: {
      client: {
        __typename: 'Client',
        id: 'c1',
        journey: {
          __typename: 'CustomerJourney',
          revision,
          momentsOfTruth: 0,
          stages: stages.map((stage) => ({
            __typename: 'JourneyStage',
            id: stage.id,
            name: stage.name,
            touchPoints: stage.points.map((point) => ({
              __typename: 'TouchPoint',
              id: point.id,
              name: point.name,
              channel: 'PHONE',
              owningTeam: 'Contact centre',
              momentOfTruth: point.momentOfTruth ?? false,
            })),
          })),
          changes: [],
        },
      },
    },
  };
}

const HELP = { id: 't1', name: 'Help line' };
const CHAT = { id: 't2', name: 'Web chat' };
const BRANCH = { id: 't3', name: 'Branch visit' };
const BEFORE = journeyAnswer(3, [
  { id: 's1', name: 'Asking for help', points: [HELP, CHAT] },
  { id: 's2', name: 'Getting it fixed', points: [BRANCH] },
]);

function journeyMock(result: object): MockLink.MockedResponse {
  return { request: { query: JourneyQuery, variables: { clientId: 'c1' } }, result };
}

function reorderMock(
  stages: { stageId: string; touchPointIds: string[] }[],
  result: object,
): MockLink.MockedResponse {
  return {
    request: {
      query: ReorderMutation,
      variables: { input: { clientId: 'c1', expectedRevision: 3, stages } },
    },
    result,
  };
}

function reorderSaved(revision: number) {
  return {
    data: {
      reorderJourney: {
        __typename: 'CustomerJourneyPayload',
        journey: { __typename: 'CustomerJourney', revision },
        userErrors: [],
      },
    },
  };
}

function renderEditor(mocks: MockLink.MockedResponse[], readOnly = false) {
  render(
    <MockedProvider mocks={mocks}>
      <MemoryRouter>
        <JourneyEditor clientId="c1" readOnly={readOnly} />
      </MemoryRouter>
    </MockedProvider>,
  );
}

async function cardsOf(stage: string): Promise<string[]> {
  const list = await screen.findByRole('list', { name: `Touch points of ${stage}` });
  return within(list)
    .getAllByRole('listitem')
    .map((item) => item.getAttribute('aria-label') ?? '');
}

describe('JourneyEditor keyboard moves', () => {
  it('moves a card down with Alt+ArrowDown, sending the whole order with the revision, and announces it', async () => {
    const user = userEvent.setup();
    renderEditor([
      journeyMock(BEFORE),
      reorderMock(
        [
          { stageId: 's1', touchPointIds: ['t2', 't1'] },
          { stageId: 's2', touchPointIds: ['t3'] },
        ],
        reorderSaved(4),
      ),
      journeyMock(
        journeyAnswer(4, [
          { id: 's1', name: 'Asking for help', points: [CHAT, HELP] },
          { id: 's2', name: 'Getting it fixed', points: [BRANCH] },
        ]),
      ),
    ]);
    (await screen.findByRole('listitem', { name: 'Help line' })).focus();
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(await screen.findByText('Help line moved to Asking for help, position 2 of 2.')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe(
      'Help line moved to Asking for help, position 2 of 2.',
    );
    expect(await cardsOf('Asking for help')).toEqual(['Web chat', 'Help line']);
  });

  it('moves a card to the end of the next stage with Alt+ArrowRight', async () => {
    const user = userEvent.setup();
    renderEditor([
      journeyMock(BEFORE),
      reorderMock(
        [
          { stageId: 's1', touchPointIds: ['t1'] },
          { stageId: 's2', touchPointIds: ['t3', 't2'] },
        ],
        reorderSaved(4),
      ),
      journeyMock(
        journeyAnswer(4, [
          { id: 's1', name: 'Asking for help', points: [HELP] },
          { id: 's2', name: 'Getting it fixed', points: [BRANCH, CHAT] },
        ]),
      ),
    ]);
    (await screen.findByRole('listitem', { name: 'Web chat' })).focus();
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}');
    expect(await screen.findByText('Web chat moved to Getting it fixed, position 2 of 2.')).toBeTruthy();
    expect(await cardsOf('Getting it fixed')).toEqual(['Branch visit', 'Web chat']);
  });

  it('says a card cannot move past the edge, and sends nothing', async () => {
    const user = userEvent.setup();
    // No reorder mock: a request would fail the move with a "no more mocked responses" error.
    renderEditor([journeyMock(BEFORE)]);
    (await screen.findByRole('listitem', { name: 'Help line' })).focus();
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(screen.getByRole('status').textContent).toBe('Help line cannot move further that way.');
    (screen.getByRole('listitem', { name: 'Branch visit' }) as HTMLElement).focus();
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}');
    expect(screen.getByRole('status').textContent).toBe('Branch visit cannot move further that way.');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(await cardsOf('Asking for help')).toEqual(['Help line', 'Web chat']);
  });

  it('ignores arrows without Alt, and every key when read-only', async () => {
    const user = userEvent.setup();
    renderEditor([journeyMock(BEFORE)], true);
    const card = await screen.findByRole('listitem', { name: 'Help line' });
    expect(card.getAttribute('draggable')).toBe('false');
    card.focus();
    await user.keyboard('{ArrowDown}');
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(screen.getByRole('status').textContent).toBe('');
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByRole('form')).toBeNull();
    // The touch point's page is still a link: leaders read it too.
    expect(screen.getByRole('link', { name: 'Help line' }).getAttribute('href')).toBe('/touch-points/t1');
  });
});

// Three stages, so a stage can move one place either way and the announcement counts them.
const FIXED = { id: 's2', name: 'Getting it fixed', points: [BRANCH] };
const ASKING = { id: 's1', name: 'Asking for help', points: [HELP, CHAT] };
const FOLLOW_UP = { id: 's3', name: 'Hearing back', points: [] };
const THREE = journeyAnswer(3, [ASKING, FIXED, FOLLOW_UP]);

function stageOrder(...ids: string[]) {
  const points: Record<string, string[]> = { s1: ['t1', 't2'], s2: ['t3'], s3: [] };
  return ids.map((stageId) => ({ stageId, touchPointIds: points[stageId]! }));
}

function stageNames(): string[] {
  return within(screen.getByRole('list', { name: 'Stages' }))
    .getAllByRole('heading', { level: 3 })
    .map((heading) => heading.textContent ?? '');
}

/** jsdom has no DataTransfer: just enough of one for the editor's drag handlers. */
function dataTransfer() {
  const data = new Map<string, string>();
  return {
    effectAllowed: 'all',
    dropEffect: 'none',
    setData: (type: string, value: string) => void data.set(type, value),
    getData: (type: string) => data.get(type) ?? '',
  };
}

/** Drags `source` over `target` and drops it there, as a pointer would. */
function dragOnto(source: HTMLElement, target: HTMLElement) {
  const transfer = dataTransfer();
  fireEvent.dragStart(source, { dataTransfer: transfer });
  fireEvent.dragOver(target, { dataTransfer: transfer });
  fireEvent.drop(target, { dataTransfer: transfer });
}

describe('JourneyEditor stage moves', () => {
  it('moves a stage one place left with Alt+ArrowLeft on its handle, and announces its new position', async () => {
    const user = userEvent.setup();
    renderEditor([
      journeyMock(THREE),
      reorderMock(stageOrder('s2', 's1', 's3'), reorderSaved(4)),
      journeyMock(journeyAnswer(4, [FIXED, ASKING, FOLLOW_UP])),
    ]);
    (await screen.findByRole('button', { name: 'Move stage Getting it fixed' })).focus();
    await user.keyboard('{Alt>}{ArrowLeft}{/Alt}');
    expect(await screen.findByText('Getting it fixed moved to position 1 of 3.')).toBeTruthy();
    expect(stageNames()).toEqual(['Getting it fixed', 'Asking for help', 'Hearing back']);
    // The stage keeps its cards.
    expect(await cardsOf('Getting it fixed')).toEqual(['Branch visit']);
  });

  it('moves a stage one place right with Alt+ArrowRight', async () => {
    const user = userEvent.setup();
    renderEditor([
      journeyMock(THREE),
      reorderMock(stageOrder('s2', 's1', 's3'), reorderSaved(4)),
      journeyMock(journeyAnswer(4, [FIXED, ASKING, FOLLOW_UP])),
    ]);
    (await screen.findByRole('button', { name: 'Move stage Asking for help' })).focus();
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}');
    expect(await screen.findByText('Asking for help moved to position 2 of 3.')).toBeTruthy();
    expect(stageNames()).toEqual(['Getting it fixed', 'Asking for help', 'Hearing back']);
  });

  it('moves a stage dragged by its handle onto a later stage to that stage’s place, after it', async () => {
    renderEditor([
      journeyMock(THREE),
      reorderMock(stageOrder('s2', 's3', 's1'), reorderSaved(4)),
      journeyMock(journeyAnswer(4, [FIXED, FOLLOW_UP, ASKING])),
    ]);
    const handle = await screen.findByRole('button', { name: 'Move stage Asking for help' });
    const target = screen.getByRole('listitem', { name: 'Hearing back' });
    dragOnto(handle, target);
    expect(await screen.findByText('Asking for help moved to position 3 of 3.')).toBeTruthy();
    expect(stageNames()).toEqual(['Getting it fixed', 'Hearing back', 'Asking for help']);
  });

  it('moves a stage dropped on another stage’s card before that stage, and leaves the cards where they are', async () => {
    renderEditor([
      journeyMock(THREE),
      reorderMock(stageOrder('s3', 's1', 's2'), reorderSaved(4)),
      journeyMock(journeyAnswer(4, [FOLLOW_UP, ASKING, FIXED])),
    ]);
    const handle = await screen.findByRole('button', { name: 'Move stage Hearing back' });
    const card = screen.getByRole('listitem', { name: 'Web chat' });
    dragOnto(handle, card);
    expect(await screen.findByText('Hearing back moved to position 1 of 3.')).toBeTruthy();
    expect(await cardsOf('Asking for help')).toEqual(['Help line', 'Web chat']);
  });

  it('says a stage at either end cannot move further, and sends nothing', async () => {
    const user = userEvent.setup();
    // No reorder mock: a request would fail the move with a "no more mocked responses" error.
    renderEditor([journeyMock(THREE)]);
    (await screen.findByRole('button', { name: 'Move stage Asking for help' })).focus();
    await user.keyboard('{Alt>}{ArrowLeft}{/Alt}');
    expect(screen.getByRole('status').textContent).toBe('Asking for help cannot move further that way.');
    screen.getByRole('button', { name: 'Move stage Hearing back' }).focus();
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}');
    expect(screen.getByRole('status').textContent).toBe('Hearing back cannot move further that way.');
    // Up and down are not a stage's moves; a drop on itself is no move either.
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    const own = screen.getByRole('listitem', { name: 'Hearing back' });
    const transfer = dataTransfer();
    fireEvent.dragStart(screen.getByRole('button', { name: 'Move stage Hearing back' }), {
      dataTransfer: transfer,
    });
    fireEvent.drop(own, { dataTransfer: transfer });
    expect(screen.getByRole('status').textContent).toBe('Hearing back cannot move further that way.');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(stageNames()).toEqual(['Asking for help', 'Getting it fixed', 'Hearing back']);
  });

  it('shows a stale revision’s message when a stage move is refused, and reloads the journey', async () => {
    const user = userEvent.setup();
    renderEditor([
      journeyMock(THREE),
      reorderMock(stageOrder('s1', 's3', 's2'), {
        data: {
          reorderJourney: {
            __typename: 'CustomerJourneyPayload',
            journey: null,
            userErrors: [
              {
                __typename: 'UserError',
                field: 'expectedRevision',
                message: 'Someone changed this journey meanwhile: look again and repeat the move.',
                code: 'CONFLICT',
              },
            ],
          },
        },
      }),
      // Meanwhile someone renamed the last stage: the reload shows it.
      journeyMock(journeyAnswer(4, [ASKING, FIXED, { ...FOLLOW_UP, name: 'Hearing from us' }])),
    ]);
    (await screen.findByRole('button', { name: 'Move stage Hearing back' })).focus();
    await user.keyboard('{Alt>}{ArrowLeft}{/Alt}');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Someone changed this journey meanwhile');
    expect(await screen.findByRole('heading', { level: 3, name: 'Hearing from us' })).toBeTruthy();
    expect(stageNames()).toEqual(['Asking for help', 'Getting it fixed', 'Hearing from us']);
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('has no stage handles when read-only', async () => {
    renderEditor([journeyMock(THREE)], true);
    await screen.findByRole('listitem', { name: 'Hearing back' });
    expect(screen.queryByRole('button', { name: /Move stage/ })).toBeNull();
  });
});

describe('JourneyEditor moment of truth', () => {
  it('marks a touch point a moment of truth with its toggle, and shows it marked after the reload', async () => {
    const user = userEvent.setup();
    renderEditor([
      journeyMock(BEFORE),
      {
        request: {
          query: SetMomentOfTruthMutation,
          variables: { input: { id: 't1', momentOfTruth: true } },
        },
        result: {
          data: {
            setMomentOfTruth: {
              __typename: 'TouchPointPayload',
              touchPoint: { __typename: 'TouchPoint', id: 't1', momentOfTruth: true },
              userErrors: [],
            },
          },
        },
      },
      journeyMock(
        journeyAnswer(4, [
          { id: 's1', name: 'Asking for help', points: [{ ...HELP, momentOfTruth: true }, CHAT] },
          { id: 's2', name: 'Getting it fixed', points: [BRANCH] },
        ]),
      ),
    ]);
    const card = await screen.findByRole('listitem', { name: 'Help line' });
    const toggle = within(card).getByRole('button', { name: 'Moment of truth' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    await user.click(toggle);
    const marked = await screen.findByRole('listitem', { name: 'Help line, moment of truth' });
    expect(within(marked).getByRole('button', { name: 'Moment of truth' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(within(marked).getByText('Moment of truth', { selector: '.tag' })).toBeTruthy();
  });
});

describe('JourneyEditor error states', () => {
  it('shows a stale revision’s message above the journey and keeps the order it shows', async () => {
    const user = userEvent.setup();
    renderEditor([
      journeyMock(BEFORE),
      reorderMock(
        [
          { stageId: 's1', touchPointIds: ['t2', 't1'] },
          { stageId: 's2', touchPointIds: ['t3'] },
        ],
        {
          data: {
            reorderJourney: {
              __typename: 'CustomerJourneyPayload',
              journey: null,
              userErrors: [
                {
                  __typename: 'UserError',
                  field: 'expectedRevision',
                  message: 'Someone changed this journey meanwhile: look again and repeat the move.',
                  code: 'CONFLICT',
                },
              ],
            },
          },
        },
      ),
      journeyMock(BEFORE),
    ]);
    (await screen.findByRole('listitem', { name: 'Help line' })).focus();
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Someone changed this journey meanwhile');
    expect(screen.getByRole('status').textContent).toBe('');
    expect(await cardsOf('Asking for help')).toEqual(['Help line', 'Web chat']);
  });

  it('turns a network failure of a move into one message', async () => {
    const user = userEvent.setup();
    renderEditor([
      journeyMock(BEFORE),
      {
        request: {
          query: ReorderMutation,
          variables: {
            input: {
              clientId: 'c1',
              expectedRevision: 3,
              stages: [
                { stageId: 's1', touchPointIds: ['t2', 't1'] },
                { stageId: 's2', touchPointIds: ['t3'] },
              ],
            },
          },
        },
        error: new TypeError('Failed to fetch'),
      },
      journeyMock(BEFORE),
    ]);
    (await screen.findByRole('listitem', { name: 'Help line' })).focus();
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not change the journey');
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('says when the journey cannot be loaded, with a retry', async () => {
    renderEditor([
      {
        request: { query: JourneyQuery, variables: { clientId: 'c1' } },
        error: new TypeError('Failed to fetch'),
      },
    ]);
    expect(await screen.findByRole('button', { name: /try again|retry/i })).toBeTruthy();
  });

  it('shows an empty journey’s invitation to add the first stage', async () => {
    renderEditor([journeyMock(journeyAnswer(0, []))]);
    expect(await screen.findByText('No journey mapped yet')).toBeTruthy();
    expect(screen.getByRole('form', { name: 'New stage' })).toBeTruthy();
  });
});
