import { combinedMembers, listedMembers, LISTED_MEMBERS, storySize, withMember, withoutMembers } from '../../functions/core/stories/story-members';

const ids = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => `a${from + k}`);

describe('the members a story record lists', () => {
  it('lists every member of a small story, and the first and newest of a large one', () => {
    expect(listedMembers(ids(0, 5))).toEqual(ids(0, 5));
    const listed = listedMembers(ids(0, 500));
    expect(listed).toHaveLength(LISTED_MEMBERS);
    expect(listed).toEqual(['a0', ...ids(500 - (LISTED_MEMBERS - 1), 500)]);
  });

  it('counts every member as they join, while the list stops growing', () => {
    let story = { memberIds: [] as string[], memberCount: 0 };
    for (let i = 0; i < 300; i += 1) story = withMember(story, `a${i}`);
    expect(storySize(story)).toBe(300);
    expect(story.memberIds).toEqual(listedMembers(ids(0, 300)));
  });

  it('reads a record that lists every member and has no count as holding them all', () => {
    expect(storySize({ memberIds: ids(0, 7) })).toBe(7);
    expect(withMember({ memberIds: ids(0, 7) }, 'a7')).toEqual({ memberIds: ids(0, 8), memberCount: 8 });
  });

  it('takes the members a split moves out of the list and the count', () => {
    const story = { memberIds: ['a0', ...ids(380, 400)], memberCount: 400 };
    const after = withoutMembers(story, new Set(['a390', 'a395', 'a999']));
    expect(after.memberCount).toBe(398);
    expect(after.memberIds).not.toContain('a390');
    expect(after.memberIds).toHaveLength(19);
  });

  it('adds the counts of two stories merged, and a member listed by both once', () => {
    const survivor = { memberIds: ['a0', ...ids(100, 220)], memberCount: 220 };
    const absorbed = { memberIds: ['b0', 'b1', 'a219'], memberCount: 3 };
    const merged = combinedMembers(survivor, absorbed);
    expect(merged.memberCount).toBe(222);
    expect(merged.memberIds).toEqual(listedMembers([...survivor.memberIds, 'b0', 'b1']));
    expect(merged.memberIds[0]).toBe('a0');
  });
});
