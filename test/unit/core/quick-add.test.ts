import { describe, expect, test } from 'vitest';
import { completeListName, listNameTyped, parseQuickAdd, quickAddTarget, withListName } from '../../../src/core/quick-add';

const lists = ['Stream prep', 'Stream', 'Giveaway prizes', 'Modération'];

describe('quick-add syntax', () => {
  test('plain text is a task for the chosen list', () => {
    expect(parseQuickAdd('  Check sound ', lists)).toEqual({ kind: 'plain', name: 'Check sound' });
    expect(parseQuickAdd('Fix issue #12', lists)).toEqual({ kind: 'plain', name: 'Fix issue #12' });
    expect(parseQuickAdd('# not a list', lists)).toEqual({ kind: 'plain', name: '# not a list' });
    expect(parseQuickAdd('#', lists)).toEqual({ kind: 'plain', name: '#' });
  });

  test('"#List name task" picks the longest known list name, spaces included, ignoring case and accents', () => {
    expect(parseQuickAdd('#Stream prep check sound', lists)).toEqual({ kind: 'known', listName: 'Stream prep', name: 'check sound' });
    expect(parseQuickAdd('#stream Pin the schedule', lists)).toEqual({ kind: 'known', listName: 'Stream', name: 'Pin the schedule' });
    expect(parseQuickAdd('#moderation ban spam', lists)).toEqual({ kind: 'known', listName: 'Modération', name: 'ban spam' });
    expect(parseQuickAdd('#Giveaway prizes', lists)).toEqual({ kind: 'known', listName: 'Giveaway prizes', name: '' });
    // a known name only counts as a whole word: "Streamers" is not "Stream"
    expect(parseQuickAdd('#Streamers thank them', lists)).toEqual({ kind: 'new', listName: 'Streamers', name: 'thank them' });
  });

  test('an unknown name after "#" is its first word, a list to create', () => {
    expect(parseQuickAdd('#Raid welcome the raiders', lists)).toEqual({ kind: 'new', listName: 'Raid', name: 'welcome the raiders' });
    // a list about to be created is known by its full name
    expect(parseQuickAdd('#Raid night welcome', [...lists, 'Raid night'])).toEqual({
      kind: 'known',
      listName: 'Raid night',
      name: 'welcome',
    });
  });

  test('completion: what is typed after "#", until a known name and a space', () => {
    expect(listNameTyped('#Str', lists)).toBe('Str');
    expect(listNameTyped('#Stream p', lists)).toBe('Stream p');
    expect(listNameTyped('#Giveaway prizes', lists)).toBe('Giveaway prizes');
    expect(listNameTyped('#Giveaway prizes buy', lists)).toBeUndefined();
    expect(listNameTyped('Check sound', lists)).toBeUndefined();
    expect(completeListName('str', lists)).toEqual(['Stream prep', 'Stream']);
    expect(completeListName('pri', lists)).toEqual(['Giveaway prizes']);
    expect(completeListName('', lists)).toEqual(lists);
    expect(completeListName('modé', lists)).toEqual(['Modération']);
    expect(withListName('  #Str', 'Stream prep')).toBe('  #Stream prep ');
  });

  test('target: a known list by its id, a taken "Create list" without one, anything else the fallback list', () => {
    const rooms = [
      { id: 'L1', name: 'Stream prep' },
      { id: 'L2', name: 'Modération' },
    ];
    const fallback = { id: 'L1', name: 'Stream prep' };
    expect(quickAddTarget('#moderation ban spam', rooms, [], fallback)).toEqual({
      listId: 'L2',
      listName: 'Modération',
      taskName: 'ban spam',
    });
    expect(quickAddTarget('#Raid welcome', rooms, ['Raid'], fallback)).toEqual({
      listId: undefined,
      listName: 'Raid',
      taskName: 'welcome',
    });
    // "#Raid" not taken as a new list is part of the task's name
    expect(quickAddTarget(' #Raid welcome ', rooms, [], fallback)).toEqual({
      listId: 'L1',
      listName: 'Stream prep',
      taskName: '#Raid welcome',
    });
  });
});
