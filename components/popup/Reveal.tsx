import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * A panel that has just opened (share, QR code): brought into view and given the focus, so that
 * in a 400×600 popup something visibly happens and the keyboard continues inside it. Its content
 * may load late (lazy code, a QR encoder): it is kept in view while it grows, briefly.
 */
export function Reveal({
  id,
  label,
  children,
}: {
  id?: string;
  label: string;
  children: ComponentChildren;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const show = () => {
      const tall = el.offsetHeight > (el.ownerDocument.defaultView?.innerHeight ?? Infinity);
      el.scrollIntoView?.({ block: tall ? 'start' : 'nearest' });
    };
    show();
    el.focus({ preventScroll: true });
    // Kept in view as its content arrives; the user's own scrolling after that is left alone.
    const grow = new ResizeObserver(show);
    grow.observe(el);
    const stop = setTimeout(() => grow.disconnect(), 1500);
    return () => {
      clearTimeout(stop);
      grow.disconnect();
    };
  }, []);
  return (
    <div id={id} ref={ref} class="panel" role="region" aria-label={label} tabIndex={-1}>
      {children}
    </div>
  );
}
