import { useEffect, useState } from 'preact/hooks';

type Matrix = { data: boolean[][]; size: number };

/**
 * A QR code drawn as SVG elements (never as markup text), for handing a link over in a meeting.
 * The encoder loads on first use: most people never open it, and the popup opens faster without it.
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  const [qr, setQr] = useState<Matrix | null>(null);
  useEffect(() => {
    let live = true;
    void import('uqr').then(({ encode }) => live && setQr(encode(text, { ecc: 'M', border: 2 })));
    return () => void (live = false);
  }, [text]);
  if (!qr) return <figure class="qr" aria-busy="true" />;
  // One path of unit squares: small, crisp at any zoom.
  let d = '';
  qr.data.forEach((row, y) => row.forEach((on, x) => on && (d += `M${x} ${y}h1v1h-1z`)));
  return (
    <figure class="qr">
      <svg
        role="img"
        aria-label={label}
        viewBox={`0 0 ${qr.size} ${qr.size}`}
        width="200"
        height="200"
        shape-rendering="crispEdges"
        data-testid="qr"
      >
        <rect width={qr.size} height={qr.size} fill="#fff" />
        <path d={d} fill="#000" />
      </svg>
      <figcaption class="muted">{label}</figcaption>
    </figure>
  );
}
