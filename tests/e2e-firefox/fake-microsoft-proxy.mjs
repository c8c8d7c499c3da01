// A local HTTPS proxy standing in for Microsoft's sign-in and Graph hosts in Firefox. Firefox's
// sign-in check (identity.launchWebAuthFlow) and the add-on's own requests are outside per-page
// interception, so the browser's proxy settings send everything here: CONNECTs to the fake hosts
// are answered with the test certificate (the browser runs with acceptInsecureCerts), the rest is
// refused. Handlers use the shape of Playwright's routes, so the Chromium suite's fakes
// (tests/e2e/graph-fakes.mjs) answer both browsers.
import { readFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { TLSSocket } from 'node:tls';

const TLS = resolve('tests/fixtures/graph/tls');
const FAKE_HOSTS = new Set(['login.microsoftonline.com', 'graph.microsoft.com']);

/** Playwright's URL glob: `**` any characters, `*` any but '/'. */
function globToRegExp(glob) {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    if (glob[i] === '*' && glob[i + 1] === '*') {
      out += '.*';
      i++;
    } else if (glob[i] === '*') out += '[^/]*';
    else out += glob[i].replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/**
 * Starts the proxy. `authorize` (from graph-fakes' fakeAuthorizeServer) answers the authorize
 * endpoint; `route(glob, handler)` adds answers as Playwright's `context.route` does (later
 * routes first). Every request that reached a fake host is in `requests`.
 */
export async function fakeMicrosoftProxy({ authorize }) {
  const routes = [];
  const requests = [];
  const key = readFileSync(resolve(TLS, 'key.pem'));
  const cert = readFileSync(resolve(TLS, 'cert.pem'));

  // The decrypted side: one HTTP server fed the TLS sockets of every CONNECT to a fake host.
  const inner = createServer(async (req, res) => {
    const url = `https://${req.headers.host}${req.url}`;
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const body = Buffer.concat(chunks).toString('utf8');
    requests.push(url);
    const found = routes.find((r) => r.pattern.test(url));
    if (found) {
      const request = {
        url: () => url,
        method: () => req.method,
        headers: () => req.headers,
        postData: () => body || null,
      };
      await found.handler({
        request: () => request,
        fulfill: ({ status = 200, contentType, body: out = '', headers = {} }) =>
          void res
            .writeHead(status, {
              ...(contentType ? { 'content-type': contentType } : {}),
              ...headers,
            })
            .end(out),
        abort: () => void res.destroy(),
      });
      return;
    }
    if (
      req.headers.host === 'login.microsoftonline.com' &&
      /\/authorize$/.test(new URL(url).pathname)
    ) {
      // The real HTTPS authorize server of the Chromium suite answers, as it is.
      const upstream = httpsRequest(
        {
          host: '127.0.0.1',
          port: authorize.port,
          path: req.url,
          method: req.method,
          headers: req.headers,
          rejectUnauthorized: false,
        },
        (up) => {
          res.writeHead(up.statusCode, up.headers);
          up.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      upstream.end(body);
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end(`no fake answers ${url}`);
  });

  const proxy = createServer((req, res) => {
    // Plain-HTTP requests through the proxy: nothing in these tests needs one.
    requests.push(req.url);
    res.writeHead(403).end();
  });
  proxy.on('connect', (req, socket) => {
    const host = req.url.replace(/:\d+$/, '');
    if (!FAKE_HOSTS.has(host)) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n', () => {
      const tls = new TLSSocket(socket, { isServer: true, key, cert });
      tls.on('error', () => socket.destroy());
      inner.emit('connection', tls);
    });
    socket.on('error', () => {});
  });
  await new Promise((r) => proxy.listen(0, '127.0.0.1', r));
  return {
    port: proxy.address().port,
    requests,
    route: async (glob, handler) => void routes.unshift({ pattern: globToRegExp(glob), handler }),
    unrouteAll: () => void routes.splice(0),
    close: () =>
      new Promise((r) => {
        proxy.closeAllConnections?.();
        proxy.close(r);
      }),
  };
}
