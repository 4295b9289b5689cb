import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { Panel } from '../ui/Panel';
import { QueryResult } from '../ui/QueryResult';
import { DeliveryChoice } from './DeliveryChoice';
import { DigestForm } from './DigestForm';
import { EmailSettingsQuery } from './documents';
import './notifications.css';

const NOT_FOUND = {
  title: 'Email settings not found',
  message: 'We could not find your email settings.',
  back: <Link to="/">Back to the start</Link>,
};

/** The signed-in person's own choices: what they get by email, and when their digest comes. */
export function EmailSettingsPage() {
  const query = useQuery(EmailSettingsQuery);
  return (
    <QueryResult
      query={query}
      what="your email settings"
      select={(d) => d.myEmailPreferences}
      notFound={NOT_FOUND}
    >
      {(preferences) => (
        <div className="page email-settings">
          <h1>Email settings</h1>
          <p>Choose which emails you get, and whether they come straight away or together in one summary.</p>
          <Panel title="What you get">
            {preferences.kinds.length === 0 ? (
              <p>There are no emails for you to choose about.</p>
            ) : (
              <div className="email-kinds">
                {preferences.kinds.map((preference) => (
                  <DeliveryChoice key={preference.kind} preference={preference} />
                ))}
              </div>
            )}
          </Panel>
          <Panel title="Your digest">
            <p>Anything you put in your digest comes together in one email, grouped by client.</p>
            <DigestForm digest={preferences.digest} />
          </Panel>
        </div>
      )}
    </QueryResult>
  );
}
