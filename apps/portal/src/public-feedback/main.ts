import './feedback.css';
import { solve, type Challenge } from './solve';

/**
 * The public feedback form: one question, its scale as a group of radio buttons, an optional comment. Plain
 * TypeScript and fetch (no React, no Apollo), so it stays a few kilobytes for customers on a phone. Every text from
 * the API goes in through textContent, never as markup.
 */

interface Form {
  kind: string;
  question: string;
  min: number;
  max: number;
  lowLabel: string;
  highLabel: string;
  clientName: string;
  challenge: Challenge;
}

interface UserError {
  field: string;
  message: string;
}

const FORM = `query PublicFeedbackForm($token: String!) {
  feedbackForm(token: $token) {
    kind question min max lowLabel highLabel clientName
    challenge { algorithm challenge maxNumber salt signature }
  }
}`;
const SUBMIT = `mutation PublicFeedbackSubmit($input: SubmitFeedbackInput!) {
  submitFeedback(input: $input) { received userErrors { field message } }
}`;
const COMMENT_MAX = 2000;

async function graphql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (!body.data) throw new Error(body.errors?.[0]?.message ?? 'The service did not answer.');
  return body.data;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

const main = document.getElementById('feedback')!;
const token = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() ?? '');
const invitation = new URLSearchParams(location.search).get('invitation');

function closed(message: string) {
  main.replaceChildren(element('h1', {}, 'Feedback'), element('p', { role: 'status' }, message));
}

function render(form: Form) {
  document.title = `Your feedback for ${form.clientName}`;
  let solution = solve(form.challenge);
  const heading = element('h1', {}, `Your feedback for ${form.clientName}`);
  const status = element('p', {
    id: 'feedback-status',
    role: 'status',
    'aria-live': 'polite',
    class: 'status',
  });
  const formElement = element('form', { novalidate: '' });
  const fieldset = element('fieldset', { 'aria-describedby': 'feedback-scale' });
  const legend = element('legend', {}, form.question);
  const scale = element('p', { id: 'feedback-scale', class: 'scale' });
  scale.append(
    element('span', {}, `${form.min} = ${form.lowLabel}`),
    element('span', {}, `${form.max} = ${form.highLabel}`),
  );
  const options = element('div', { class: 'options' });
  for (let score = form.min; score <= form.max; score++) {
    const id = `score-${score}`;
    const label = element('label', { for: id, class: 'option' });
    const input = element('input', { type: 'radio', name: 'score', id, value: String(score) });
    label.append(input, element('span', {}, String(score)));
    options.append(label);
  }
  fieldset.append(legend, scale, options);
  const commentLabel = element(
    'label',
    { for: 'feedback-comment' },
    'Anything you would like to add? (optional)',
  );
  const comment = element('textarea', {
    id: 'feedback-comment',
    name: 'comment',
    rows: '4',
    maxlength: String(COMMENT_MAX),
    'aria-describedby': 'feedback-comment-hint',
  });
  const hint = element(
    'p',
    { id: 'feedback-comment-hint', class: 'hint' },
    `At most ${COMMENT_MAX} characters. Please leave out names, phone numbers and account details.`,
  );
  const error = element('p', { id: 'feedback-error', role: 'alert', class: 'error' });
  const button = element('button', { type: 'submit' }, 'Send feedback');
  formElement.append(fieldset, commentLabel, comment, hint, error, button);
  main.replaceChildren(heading, formElement, status);

  formElement.addEventListener('submit', (event) => {
    event.preventDefault();
    void send();
  });

  async function send() {
    error.textContent = '';
    const chosen = formElement.querySelector<HTMLInputElement>('input[name="score"]:checked');
    if (!chosen) {
      error.textContent = `Choose a score from ${form.min} to ${form.max}.`;
      options.querySelector<HTMLInputElement>('input')?.focus();
      return;
    }
    button.disabled = true;
    status.textContent = 'Sending…';
    try {
      const challenge = await solution;
      if (!challenge)
        throw new Error('The form’s check could not be completed. Reload the page and try again.');
      const answer = await graphql<{ submitFeedback: { received: boolean; userErrors: UserError[] } }>(
        SUBMIT,
        {
          input: {
            token,
            score: Number(chosen.value),
            comment: comment.value.trim() || null,
            challenge,
            invitation,
          },
        },
      );
      if (answer.submitFeedback.received) {
        formElement.remove();
        status.textContent = 'Thank you: your feedback has been received.';
        return;
      }
      status.textContent = '';
      error.textContent = answer.submitFeedback.userErrors.map((e) => e.message).join(' ');
    } catch (failure) {
      status.textContent = '';
      error.textContent = failure instanceof Error ? failure.message : 'Sending failed. Please try again.';
    }
    // A check is used once: the next try gets a fresh form challenge.
    button.disabled = false;
    solution = graphql<{ feedbackForm: Form | null }>(FORM, { token }).then((next) =>
      next.feedbackForm ? solve(next.feedbackForm.challenge) : null,
    );
  }
}

graphql<{ feedbackForm: Form | null }>(FORM, { token })
  .then((data) => {
    if (data.feedbackForm) render(data.feedbackForm);
    else closed('This feedback form is not available. It may have been closed.');
  })
  .catch(() => closed('The feedback form could not be loaded. Please try again later.'));
