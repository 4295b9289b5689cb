import { Panel } from '../ui/Panel';

/** The API's streamed download of the consultancy's export (docs/api.md, "Exporting the consultancy"). */
export const CONSULTANCY_EXPORT_URL = '/exports/consultancy';

/**
 * Everything the consultancy has stored, to take away. A plain link: the browser downloads the stream to disk as
 * it arrives (the session cookie goes with it), however large the consultancy, where a GraphQL answer would have
 * to fit in memory and under the API's answer cap.
 */
export function ConsultancyExport() {
  return (
    <Panel title="Your consultancy’s data">
      <p>
        One file with every record the consultancy keeps (clients, charters, audits, actions, measurements,
        the activity trail), without passwords or secrets. It is a JSON-lines file: one record per line,
        ending with a count of each kind, so you can tell it arrived whole. Each download is noted in the
        activity trail.
      </p>
      <p>
        <a className="button button-secondary" href={CONSULTANCY_EXPORT_URL} download>
          Download everything
        </a>
      </p>
    </Panel>
  );
}
