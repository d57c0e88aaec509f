// Types of demo/xmpp-client.mjs for TypeScript callers (end-to-end tests).
export interface XmppClient {
  jid: string;
  bareJid: string;
  readonly closed: boolean;
  send(xml: string): void;
  iq(type: 'get' | 'set', to: string | null, payload: string, options?: { timeoutMs?: number }): Promise<Element>;
  on(listener: (stanza: Element) => void): () => void;
  waitFor(test: (stanza: Element) => boolean, timeoutMs?: number): Promise<Element>;
  closedPromise: Promise<void>;
  close(): Promise<void>;
}

export declare class XmppError extends Error {
  condition: string;
  stanza: Element;
}

export declare function esc(text: unknown): string;
export declare function child(el: Element | null | undefined, name: string): Element | null;
export declare function children(el: Element | null | undefined, name?: string): Element[];
export declare function connectXmpp(options: {
  url: string;
  username: string;
  domain?: string;
  password: string;
  resource?: string;
  presence?: boolean;
}): Promise<XmppClient>;
