/** Small inline icons: fonts on Linux often lack the media-control glyphs. */
const paths = {
  play: 'M5 3.5v9l8-4.5z',
  pause: 'M4 3h3v10H4zM9 3h3v10H9z',
  start: 'M3 3h2v10H3zM13 3v10L6 8z',
  end: 'M11 3h2v10h-2zM3 3v10l7-5z',
} as const;

export function Icon({ name }: { name: keyof typeof paths }) {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={paths[name]} fill="currentColor" />
    </svg>
  );
}
