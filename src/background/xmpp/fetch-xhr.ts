// A minimal XMLHttpRequest over fetch, just what strophe's BOSH transport uses
// (open, setRequestHeader, send, abort, readyState, status, responseText,
// responseXML, onreadystatechange), because a Chrome service worker has no XHR.
// Installed only where XMLHttpRequest is missing.

type Handler = ((this: unknown, ev?: unknown) => void) | null;

export class FetchXMLHttpRequest {
  readyState = 0;
  status = 0;
  responseText = '';
  responseXML: Document | null = null;
  withCredentials = false;
  onreadystatechange: Handler = null;
  private method = 'GET';
  private url = '';
  private headers: Record<string, string> = {};
  private responseHeaders = '';
  private controller: AbortController | null = null;

  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
    this.setState(1);
  }

  overrideMimeType(): void {
    // responses are always parsed as XML below
  }

  setRequestHeader(name: string, value: string): void {
    this.headers[name] = value;
  }

  getAllResponseHeaders(): string {
    return this.responseHeaders;
  }

  send(body?: string | null): void {
    const controller = new AbortController();
    this.controller = controller;
    fetch(this.url, {
      method: this.method,
      headers: this.headers,
      body: body ?? undefined,
      credentials: this.withCredentials ? 'include' : 'same-origin',
      signal: controller.signal,
    })
      .then(async (res) => {
        const text = await res.text();
        if (controller.signal.aborted) return;
        this.status = res.status;
        this.responseText = text;
        this.responseHeaders = [...res.headers].map(([k, v]) => `${k}: ${v}`).join('\r\n');
        this.responseXML = text ? new DOMParser().parseFromString(text, 'text/xml') : null;
        this.setState(4);
      })
      .catch(() => {
        if (controller.signal.aborted) return;
        // a network failure: status 0 at readyState 4, as XHR reports it
        this.status = 0;
        this.setState(4);
      });
  }

  abort(): void {
    this.controller?.abort();
    this.controller = null;
  }

  private setState(state: number): void {
    this.readyState = state;
    this.onreadystatechange?.call(this);
  }
}

export function installFetchXhr(): void {
  const g = globalThis as Record<string, unknown>;
  if (typeof g.XMLHttpRequest === 'undefined') g.XMLHttpRequest = FetchXMLHttpRequest;
}

installFetchXhr();
