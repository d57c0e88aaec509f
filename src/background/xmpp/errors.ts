// How a session's requests fail: credentials only the user can fix (or not),
// and iqs answered with an error or not answered at all.
import { parseError } from '../../core/stanzas';
import type { Problem } from '../../core/types';

/** Thrown by a credentials provider; `retry` false means only the user can fix it (e.g. log in). */
export class CredentialsError extends Error {
  constructor(
    readonly problem: Problem,
    readonly retry: boolean,
  ) {
    super(problem.detail ?? problem.code);
  }
}

/** An iq answered with type="error", or not answered in time. */
export class IqError extends Error {
  constructor(
    readonly condition: string,
    readonly errorType: string,
    readonly text?: string,
  ) {
    super(text ? `${condition}: ${text}` : condition);
  }

  /** Worth trying again later: no connection, no answer, or the server said to wait. */
  get transient(): boolean {
    return this.condition === 'not-connected' || this.condition === 'timeout' || this.errorType === 'wait';
  }
}

/** The IqError of an error stanza. */
export function iqErrorOf(stanza: Element): IqError {
  const error = parseError(stanza) ?? { type: 'cancel', condition: 'undefined-condition' };
  return new IqError(error.condition, error.type, error.text);
}
