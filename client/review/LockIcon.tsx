/** A padlock drawn inline: an emoji would depend on the fonts installed. */
export function LockIcon({ label }: { label: string }) {
  return (
    <svg
      className="lock-icon"
      role="img"
      aria-label={label}
      data-testid="lock"
      viewBox="0 0 16 16"
      width="14"
      height="14"
    >
      <title>{label}</title>
      <path
        d="M5 7V5a3 3 0 0 1 6 0v2"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
      />
      <rect x="3" y="7" width="10" height="7.5" rx="1.5" fill="currentColor" />
    </svg>
  )
}
