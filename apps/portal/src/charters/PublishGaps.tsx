/** What stops a draft from being published, in the API's words; nothing when it can be. */
export function PublishGaps({ gaps }: { gaps: readonly { field: string; message: string }[] }) {
  if (gaps.length === 0) return <p className="muted">Ready to publish.</p>;
  return (
    <div className="banner banner-note">
      <p className="banner-title">Before this draft can be published</p>
      <ul>
        {gaps.map((gap) => (
          <li key={`${gap.field}:${gap.message}`}>{gap.message}</li>
        ))}
      </ul>
    </div>
  );
}
