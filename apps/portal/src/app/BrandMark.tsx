/** The product's name with its small mark; decorative, so the name itself is the accessible text. */
export function BrandMark() {
  return (
    <span className="brand">
      <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="7" />
        <path d="M9 21c2 2 4.5 3 7 3 3.5 0 6-1.8 6-4.6 0-5.6-12-3.6-12-8.6C10 8.8 12.4 7 15.6 7c2.3 0 4.4.8 6 2.3" />
      </svg>
      <span className="brand-name">Service Programme</span>
    </span>
  );
}
