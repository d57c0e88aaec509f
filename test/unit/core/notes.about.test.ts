import { describe, expect, test } from 'vitest';
import {
  aboutDisplay,
  aboutParticipant,
  isNoteAbout,
  notesAbout,
  participantOf,
  resolveAbout,
  sameParticipant,
} from '../../../src/core/notes/about';
import type { Note, NoteAbout, Participant } from '../../../src/core/notes/types';
import { quoteMessage } from '../../../src/core/notes/quote';
import { noteMatches } from '../../../src/core/notes/search';
import { parseMucPresence } from '../../../src/core/stanzas';
import { NS } from '../../../src/core/types';
import { parseXml } from './helpers';

const ROOM = 'f2c1a9e4@room.localhost';
const OCC_CAROL = 'Q2Fyb2wncyBvY2N1cGFudCBpZCBpbiB0aGlzIHJvb20xMjM=';
const OCC_ANON1 = 'YW5vbnltb3VzIHNlc3Npb24gb25lIG9jY3VwYW50IGlkMTI=';
const OCC_ANON2 = 'YW5vbnltb3VzIHNlc3Npb24gdHdvIG9jY3VwYW50IGlkMTI=';

const carol: Participant = { nick: 'Carol', jid: 'carol@localhost', occupantId: OCC_CAROL };
const mickey: Participant = { nick: 'Mickey', jid: 'k3jx9w@anon.localhost', occupantId: OCC_ANON2 };
const dave: Participant = { nick: 'Dave' }; // seen without real JID or occupant-id (not a moderator, old server)
const present = [carol, mickey, dave];

const note = (id: string, about?: NoteAbout): Note => ({ id, order: 1, description: id, ...(about ? { about } : {}) });

describe('presence: real JID and occupant-id', () => {
  const presence = (item: string, extra = '') =>
    parseXml(`<presence xmlns="jabber:client" from="${ROOM}/Carol"><x xmlns="${NS.mucUser}">${item}</x>${extra}</presence>`);

  test('a moderator sees the real JID; the occupant-id is read from the room stamp', () => {
    const p = parseMucPresence(
      presence(
        `<item affiliation="none" role="participant" jid="carol@localhost/web"/>`,
        `<occupant-id xmlns="${NS.occupantId}" id="${OCC_CAROL}"/>`,
      ),
    );
    expect(p).toMatchObject({ nick: 'Carol', jid: 'carol@localhost/web', occupantId: OCC_CAROL });
    expect(participantOf(p!)).toEqual(carol);
  });

  test('without them (a plain participant, a server without XEP-0421) they are absent, not empty', () => {
    const p = parseMucPresence(presence(`<item affiliation="none" role="participant"/>`))!;
    expect(p).not.toHaveProperty('jid');
    expect(p).not.toHaveProperty('occupantId');
    expect(participantOf(p)).toEqual({ nick: 'Carol' });
  });

  test('an occupant-id in another namespace, or an empty one, is not one', () => {
    const p = parseMucPresence(
      presence(
        `<item affiliation="none" role="participant" jid=""/>`,
        `<occupant-id xmlns="urn:other" id="x"/><occupant-id xmlns="${NS.occupantId}" id=""/>`,
      ),
    )!;
    expect(p).not.toHaveProperty('jid');
    expect(p).not.toHaveProperty('occupantId');
  });
});

describe('a new note about a participant', () => {
  test('records the bare JID, the nickname and the occupant-id', () => {
    expect(aboutParticipant({ nick: 'Carol', jid: 'carol@localhost/web', occupantId: OCC_CAROL })).toEqual({
      jid: 'carol@localhost',
      nick: 'Carol',
      occupantId: OCC_CAROL,
    });
  });

  test('leaves out what is unknown or empty, and is about no one when nothing is known', () => {
    expect(aboutParticipant({ nick: 'Dave', jid: '', occupantId: '' })).toEqual({ nick: 'Dave' });
    expect(aboutParticipant({})).toBeUndefined();
  });
});

describe('finding the participant of a note (occupant-id, else JID, else nickname)', () => {
  test('by occupant-id first, even when the nickname changed', () => {
    expect(resolveAbout({ occupantId: OCC_CAROL, nick: 'OldCarol', jid: 'someone@localhost' }, present)).toBe(carol);
  });

  test('by bare JID when the occupant-id is unknown or gone (any resource, any case)', () => {
    expect(resolveAbout({ jid: 'carol@localhost' }, present)).toBe(carol);
    expect(resolveAbout({ jid: 'Carol@Localhost/phone', occupantId: 'gone' }, present)).toBe(carol);
  });

  test('by nickname only when the note has a JID that is not present', () => {
    expect(resolveAbout({ jid: 'old@anon.localhost', nick: 'Dave' }, present)).toBe(dave);
  });

  test('a note with only a nickname is never matched to a present participant: it stands for someone absent', () => {
    expect(resolveAbout({ nick: 'Dave' }, present)).toEqual({ nick: 'Dave', absent: true });
  });

  test('an unknown participant gets a stand-in from the note', () => {
    expect(resolveAbout({ jid: 'gone@localhost/x', nick: 'Gone', occupantId: 'zzz' }, present)).toEqual({
      jid: 'gone@localhost',
      nick: 'Gone',
      occupantId: 'zzz',
      absent: true,
    });
  });

  test('a note about no one', () => {
    expect(resolveAbout(undefined, present)).toBeUndefined();
    expect(resolveAbout({}, present)).toBeUndefined();
  });
});

describe('"notes about this person"', () => {
  const notes = [
    note('none'),
    note('carol-by-id', { occupantId: OCC_CAROL, nick: 'Carol' }),
    note('carol-by-jid', { jid: 'carol@localhost', nick: 'Carol' }),
    note('carol-old-session', { jid: 'carol@localhost', occupantId: 'old', nick: 'Caroline' }),
    note('mickey-earlier-session', { jid: 'aaaa@anon.localhost', occupantId: OCC_ANON1, nick: 'Mickey' }),
    note('mickey-now', { jid: 'k3jx9w@anon.localhost', occupantId: OCC_ANON2, nick: 'Mickey' }),
    note('mickey-lowercase', { nick: 'mickey' }),
    note('dave-nick-only', { nick: 'Dave' }),
    note('gone', { jid: 'gone@localhost', nick: 'Gone' }),
  ];
  const about = (person: Participant) => notesAbout(notes, person, present).map((n) => n.id);

  test('a registered user: by occupant-id and JID, whatever nickname the note was written under', () => {
    expect(about(carol)).toEqual(['carol-by-id', 'carol-by-jid', 'carol-old-session']);
  });

  test('an anonymous user: also the notes whose participant has the same current nickname (case-sensitive)', () => {
    expect(about(mickey)).toEqual(['mickey-earlier-session', 'mickey-now']);
  });

  test('a participant known only by nickname finds the nickname notes', () => {
    expect(about(dave)).toEqual(['dave-nick-only']);
  });

  test('an absent participant, from a note (its "search notes" button)', () => {
    const gone = resolveAbout(notes.at(-1)!.about, present)!;
    expect(about(gone)).toEqual(['gone']);
  });

  test('notes about no one are never shown under a filter', () => {
    expect(isNoteAbout(note('x'), carol, present)).toBe(false);
    expect(isNoteAbout(note('x'), {}, present)).toBe(false);
  });

  test('the same person: same occupant-id or same bare JID', () => {
    expect(sameParticipant(carol, { occupantId: OCC_CAROL })).toBe(true);
    expect(sameParticipant(carol, { jid: 'CAROL@localhost' })).toBe(true);
    expect(sameParticipant(carol, { nick: 'Carol' })).toBe(false);
    expect(sameParticipant({}, {})).toBe(false);
  });
});

describe('what a note shows of its participant', () => {
  test("current nickname, the original one when it changed, and the participant's current JID and occupant-id", () => {
    expect(aboutDisplay(note('n', { occupantId: OCC_CAROL, nick: 'Caroline', jid: 'old@localhost' }), present)).toEqual({
      name: 'Carol',
      originalNick: 'Caroline',
      jid: 'carol@localhost',
      occupantId: OCC_CAROL,
      absent: false,
    });
  });

  test('no original nickname when unchanged; an absent participant is marked so', () => {
    expect(aboutDisplay(note('n', { nick: 'Gone' }), present)).toEqual({ name: 'Gone', absent: true });
  });

  test('falls back on the JID, then on nothing; no display for a note about no one', () => {
    expect(aboutDisplay(note('n', { jid: 'x@localhost' }), present)).toEqual({ name: 'x@localhost', jid: 'x@localhost', absent: true });
    expect(aboutDisplay(note('n', { occupantId: 'o' }), present)).toEqual({ name: '', occupantId: 'o', absent: true });
    expect(aboutDisplay(note('n'), present)).toBeUndefined();
  });

  test('hostile values stay plain strings', () => {
    const nick = '<img src=x onerror=alert(1)>';
    expect(aboutDisplay(note('n', { nick }), present)?.name).toBe(nick);
  });
});

describe('searching notes', () => {
  const n = (description: string, about?: NoteAbout) => ({ description, ...(about ? { about } : {}) });

  test('every word, in any order, ignoring case and accents', () => {
    expect(noteMatches(n('Hélène posted the LINK twice'), 'link helene', present)).toBe(true);
    expect(noteMatches(n('Hélène posted the link twice'), 'link thrice', present)).toBe(false);
  });

  test('also by the participant: current nickname, nickname written under, JID', () => {
    const note = n('asked about glue', { occupantId: OCC_CAROL, nick: 'Caroline' });
    expect(noteMatches(note, 'carol@localhost', present)).toBe(true);
    expect(noteMatches(note, 'caroline', present)).toBe(true);
    expect(noteMatches(n('x', { jid: 'carol@localhost' }), 'Carol', present)).toBe(true);
  });

  test('an empty query matches everything; a note without text is searchable by its participant', () => {
    expect(noteMatches(n(''), '  ', present)).toBe(true);
    expect(noteMatches({ about: { nick: 'Dave' } }, 'dave', present)).toBe(true);
    expect(noteMatches({}, 'dave', present)).toBe(false);
  });

  test('a regular-expression-looking query is plain text', () => {
    expect(noteMatches(n('a (b) [c] .* d'), '(b) [c] .*', present)).toBe(true);
  });
});

describe('a note from a chat message quotes it', () => {
  test('each line quoted, an empty line after for the note itself', () => {
    expect(quoteMessage('Buy cheap followers at spam.example')).toBe('> Buy cheap followers at spam.example\n\n');
    expect(quoteMessage('line 1\r\n\nline 3')).toBe('> line 1\n>\n> line 3\n\n');
  });

  test('a huge message is cut', () => {
    const quoted = quoteMessage('x'.repeat(100_000));
    expect(quoted.length).toBeLessThan(1010);
    expect(quoted.endsWith('…\n\n')).toBe(true);
  });

  test('markup stays text', () => {
    expect(quoteMessage('<script>alert(1)</script>')).toBe('> <script>alert(1)</script>\n\n');
  });
});
