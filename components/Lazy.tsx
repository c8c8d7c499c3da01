import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A component whose code loads the first time it is shown: the popup opens with what every user
 * needs, and the admin's package view or the share panel arrive when they are asked for.
 * (Preact's own `lazy` lives in preact/compat, which this project does not otherwise need.)
 */
export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  return function Lazy(props: P) {
    const [Component, setComponent] = useState(() => loaded);
    useEffect(() => {
      if (Component) return;
      let live = true;
      void (loading ??= load()).then((c) => {
        loaded = c;
        if (live) setComponent(() => c);
      });
      return () => {
        live = false;
      };
      // Once per mount: the component, once loaded, is kept for every later mount.
      // eslint-disable-next-line react-hooks/exhaustive-deps
    }, []);
    return Component ? <Component {...props} /> : null;
  };
}
