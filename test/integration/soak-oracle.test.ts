// The soak's judges judged: a lost edit, a view that differs from the server
// and an edit overtaken by a later one are told apart (test/soak/oracle.ts,
// soak.ts). No server needed.
import { expect, test } from 'vitest';
import type { RoomView } from '../../src/core/types';
import { Oracle } from '../soak/oracle';
import type { ServerItem, ServerItems } from '../soak/server-items';
import { differences } from '../soak/compare';

const task = (name: string, more: Partial<ServerItem> = {}): ServerItem => ({
  kind: 'task',
  name,
  list: 'L',
  order: 1,
  done: false,
  unknownAttrs: [],
  unknownChildren: [],
  ...more,
});
const list = (name: string): ServerItem => ({ kind: 'list', name, unknownAttrs: [], unknownChildren: [] });

test('an acknowledged rename that the server does not have is reported lost', () => {
  const oracle = new Oracle();
  oracle.record({ client: 'alice', op: 'editTask', item: 't', field: 'name', value: 'New', issuedAt: 100 }, 150);
  const server: ServerItems = new Map([
    ['L', list('List')],
    ['t', task('Old')],
  ]);
  const { lost, checked } = oracle.lostWrites(server);
  expect(checked).toBe(1);
  expect(lost.map((l) => l.text)).toEqual([expect.stringContaining('name of t should be "New", the server has "Old"')]);
});

test('an edit overtaken by a later or concurrent one on the same field is not held against anyone', () => {
  const oracle = new Oracle();
  oracle.record({ client: 'alice', op: 'editTask', item: 't', field: 'name', value: 'By alice', issuedAt: 100 }, 200);
  // issued before alice's was done: either may win
  oracle.record({ client: 'carol', op: 'editTask', item: 't', field: 'name', value: 'By carol', issuedAt: 150 }, 160);
  const server: ServerItems = new Map([['t', task('By alice')]]);
  const { lost, checked } = oracle.lostWrites(server);
  expect(lost).toEqual([]);
  expect(checked).toBe(0);
});

test('a task deleted with its list is not a lost creation; a deletion undone by nobody must hold', () => {
  const oracle = new Oracle();
  oracle.record({ client: 'bob', op: 'createTask', item: 't', field: 'exists', value: true, issuedAt: 100 }, 110);
  oracle.record({ client: 'bob', op: 'createTask', item: 't', field: 'list', value: 'L', issuedAt: 100 }, 110);
  oracle.record({ client: 'carol', op: 'deleteList', item: 'L', field: 'exists', value: false, issuedAt: 200 }, 210);
  oracle.record({ client: 'alice', op: 'deleteTask', item: 'u', field: 'exists', value: false, issuedAt: 300 }, 310);
  const server: ServerItems = new Map([['u', task('Still here')]]);
  expect(oracle.lostWrites(server).lost.map((l) => l.text)).toEqual([expect.stringContaining('exists of u should be false')]);
});

test('a creation made offline is checked under the id the server gave it', () => {
  const oracle = new Oracle();
  oracle.record({ client: 'alice', op: 'createList', item: 'local:1', field: 'name', value: 'Offline', issuedAt: 100 }, 500);
  oracle.alias('local:1', 'L2');
  expect(oracle.lostWrites(new Map([['L2', list('Renamed by nobody')]])).lost).toHaveLength(1);
  expect(oracle.lostWrites(new Map([['L2', list('Offline')]])).lost).toEqual([]);
});

test('a view that lacks an item, has an extra one or shows another value differs from the server', () => {
  const view = {
    items: {
      lists: { L: { id: 'L', name: 'List' } },
      tasks: { t: { id: 't', list: 'L', name: 'Task', order: 1, done: true } },
    },
  } as unknown as RoomView;
  expect(
    differences(
      new Map([
        ['L', list('List')],
        ['t', task('Task', { done: true })],
      ]),
      view,
    ),
  ).toEqual([]);
  const server: ServerItems = new Map([
    ['L', list('List')],
    ['t', task('Task')],
    ['x', task('Extra')],
  ]);
  expect(differences(server, view)).toEqual([
    expect.stringContaining('task t is {"name":"Task","done":true'),
    expect.stringContaining('task x "Extra" is on the server, not in the view'),
  ]);
});
