// The chat's participant list, with the element names and classes of the
// livechat plugin's ConverseJS (converse-muc-sidebar, ul.occupant-list,
// li.occupant, span.occupant-nick, badges): hidden at first, as in PeerTube's
// video page, and shown or hidden by the toolbar's button.toggle-occupants.
// Nicknames come from other users: set as text only.
import { h } from './dom.js';

// ConverseJS's badges and their short labels (first letters, made unique).
const BADGES = {
  owner: ['Owner', 'O', 'badge-groupchat'],
  admin: ['Admin', 'A', 'badge-info'],
  member: ['Member', 'ME', 'badge-info'],
  moderator: ['Moderator', 'MO', 'badge-info'],
  visitor: ['Visitor', 'V', 'badge-secondary'],
};

const ROLE_HINTS = {
  moderator: 'This user is a moderator.',
  participant: 'This user can send messages in this groupchat.',
  visitor: 'This user can NOT send messages in this groupchat.',
};

function badge(code) {
  const [label, short, className] = BADGES[code];
  return h('span', { class: `badge ${className}`, title: label, 'aria-label': label, text: short });
}

function occupantElement(o) {
  const hint = `${ROLE_HINTS[o.role] ?? ''} Click to mention ${o.nick} in your message.`.trim();
  const badges = [
    ['owner', 'admin', 'member'].includes(o.affiliation) && o.affiliation,
    ['moderator', 'visitor'].includes(o.role) && o.role,
  ].filter(Boolean);
  return h(
    'li',
    { class: 'occupant' },
    h(
      'div',
      { class: 'row g-0' },
      h(
        'div',
        { class: 'col-auto' },
        h(
          'a',
          { class: 'show-msg-author-modal', 'aria-hidden': 'true' },
          h('converse-avatar', { class: 'avatar chat-msg__avatar', name: o.nick, text: [...o.nick][0]?.toUpperCase() ?? '?' }),
        ),
      ),
      h(
        'div',
        { class: 'col occupant-nick-badge' },
        h('span', { class: 'occupant-nick', title: hint, text: o.nick }),
        h('span', { class: 'occupant-badges' }, ...badges.map(badge)),
      ),
    ),
  );
}

/** The list for `video`'s room, kept up to date; `toggle` goes in the message toolbar. */
export function mountParticipants(video) {
  if (!document.querySelector('link[href="/demo/participants.css"]')) {
    document.head.append(h('link', { rel: 'stylesheet', href: '/demo/participants.css' }));
  }
  const heading = h('span', { class: 'occupants-heading' });
  const list = h('ul', { class: 'occupant-list' });
  const sidebar = h(
    'converse-muc-sidebar',
    { id: `occupants-${video.uuid}`, class: 'hidden', hidden: true },
    h(
      'div',
      { class: 'occupants' },
      h('div', { class: 'occupants-header' }, h('div', { class: 'occupants-header--title' }, heading)),
      list,
    ),
  );
  const toggle = h('button', {
    class: 'toggle-occupants btn',
    type: 'button',
    'aria-controls': sidebar.id,
    'aria-expanded': 'false',
    onclick: () => show(sidebar.hidden),
    text: 'Participants',
  });
  const show = (visible) => {
    sidebar.hidden = !visible;
    sidebar.classList.toggle('hidden', !visible);
    toggle.setAttribute('aria-expanded', String(visible));
    toggle.title = visible ? 'Hide participants' : 'Show participants';
  };
  show(false);

  const events = new EventSource(`/demo/chat/${video.uuid}/occupants`);
  events.onmessage = (event) => {
    const occupants = JSON.parse(event.data);
    heading.textContent = `${occupants.length} ${occupants.length === 1 ? 'Participant' : 'Participants'}`;
    list.replaceChildren(...occupants.map(occupantElement));
  };
  return { sidebar, toggle, stop: () => events.close() };
}
