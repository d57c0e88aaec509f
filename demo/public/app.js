// The demo's single-page app: PeerTube's watch page as far as the extension
// sees it, with the livechat plugin's container and an in-page chat. Every
// text from the server is set as text, never as HTML.
import { h } from './dom.js';
import { mountParticipants } from './participants.js';

const outlet = document.getElementById('router-outlet');
const token = () => localStorage.getItem('access_token');

async function api(path) {
  const headers = token() ? { Authorization: `${localStorage.getItem('token_type')} ${token()}` } : {};
  const res = await fetch(path, { headers });
  return res.ok ? res.json() : null;
}

// ---- header: theme toggle and the logged-in user ----

const themeToggle = document.getElementById('theme-toggle');
function showTheme() {
  const dark = document.documentElement.dataset.theme === 'dark';
  themeToggle.setAttribute('aria-pressed', String(dark));
  themeToggle.textContent = dark ? 'Light theme' : 'Dark theme';
}
themeToggle.addEventListener('click', () => {
  const next = document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark';
  document.documentElement.dataset.theme = next;
  localStorage.setItem('demo-theme', next);
  showTheme();
});
showTheme();

async function renderUser() {
  const area = document.getElementById('user-area');
  const me = token() ? await api('/api/v1/users/me') : null;
  const here = encodeURIComponent(location.pathname + location.search);
  if (me) {
    area.replaceChildren(
      h('span', { class: 'logged-in-display-name', text: me.account.displayName }),
      h('a', { class: 'peertube-button-link', href: `/logout?next=${here}`, text: 'Log out', onclick: logout }),
    );
  } else {
    area.replaceChildren(
      h('span', { text: 'Log in as ' }),
      ...['alice', 'bob', 'carol'].flatMap((name, i) => [
        i ? ', ' : '',
        h('a', { class: 'login-link', href: `/login?as=${name}&next=${here}`, text: name }),
      ]),
    );
  }
}

function logout(event) {
  event.preventDefault();
  for (const key of ['id', 'username', 'token_type', 'access_token', 'refresh_token']) localStorage.removeItem(key);
  renderUser();
}

// ---- routing: PeerTube's single-page navigation ----

let navigation = 0;
let leaveWatchPage = () => {};

document.addEventListener('click', (event) => {
  const link = event.target.closest?.('a[data-spa]');
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  history.pushState({}, '', link.getAttribute('href'));
  route();
});
addEventListener('popstate', route);

async function route() {
  const current = ++navigation;
  leaveWatchPage();
  leaveWatchPage = () => {};
  const m = location.pathname.match(/^\/(?:w|videos\/watch)\/([^/]+)$/);
  if (m) await renderWatch(decodeURIComponent(m[1]), current);
  else await renderHome(current);
}

async function renderMenu() {
  const list = await api('/api/v1/videos');
  document
    .getElementById('menu-videos')
    .replaceChildren(
      ...(list?.data ?? []).map((v) =>
        h('li', {}, h('a', { href: `/w/${v.shortUUID}`, 'data-spa': true, class: 'menu-link', text: v.name })),
      ),
    );
}

async function renderHome(current) {
  const list = await api('/api/v1/videos');
  if (current !== navigation) return;
  document.title = 'Discover - PeerTube demo';
  outlet.replaceChildren(
    h(
      'div',
      { class: 'videos-list margin-content' },
      h('h1', { class: 'title-page', text: 'Videos' }),
      ...(list?.data ?? []).map((v) =>
        h(
          'div',
          { class: 'video-miniature' },
          h('a', { href: `/w/${v.shortUUID}`, 'data-spa': true, class: 'video-miniature-name', text: v.name }),
          v.isLive ? h('span', { class: 'live-info', text: 'LIVE' }) : null,
        ),
      ),
    ),
  );
}

// ---- the watch page ----

async function renderWatch(id, current) {
  const video = await api(`/api/v1/videos/${encodeURIComponent(id)}`);
  if (current !== navigation) return;
  if (!video) {
    outlet.replaceChildren(h('h1', { class: 'title-page', text: 'Video not found' }));
    return;
  }
  document.title = `${video.name} - PeerTube demo`;
  // PeerTube's DOM: the plugins' placeholder is the player row's last item, beside the player.
  const placeholder = h('div', { id: 'plugin-placeholder-player-next' });
  outlet.replaceChildren(
    h(
      'my-video-watch',
      {},
      h(
        'div',
        { class: 'root' },
        h(
          'div',
          { class: 'margin-content player-margin-content' },
          h(
            'div',
            { id: 'video-wrapper' },
            h(
              'div',
              { id: 'videojs-wrapper' },
              h(
                'div',
                { class: 'video-js vjs-peertube-skin', role: 'img', 'aria-label': `Video player: ${video.name}` },
                h('span', { class: video.isLive ? 'live-info' : 'replay-info', text: video.isLive ? 'LIVE' : 'REPLAY' }),
                h('span', { class: 'player-title', text: video.name }),
                h(
                  'div',
                  { class: 'vjs-control-bar', 'aria-hidden': 'true' },
                  h('span', { text: '▶' }),
                  h('div', { class: 'vjs-progress-holder' }),
                  h('span', { text: 'LIVE' }),
                  h('span', { text: 'HD' }),
                ),
              ),
            ),
            h('my-plugin-placeholder', { pluginid: 'player-next' }, placeholder),
          ),
        ),
        h(
          'div',
          { class: 'margin-content video-bottom' },
          h(
            'div',
            { class: 'video-info' },
            h('h1', { class: 'video-info-name', text: video.name }),
            h('div', { class: 'video-info-channel', text: video.channel.displayName }),
            h('p', { class: 'video-info-description', text: video.description }),
          ),
        ),
      ),
    ),
  );
  // What the livechat plugin's video-watch hook does: ask for the room, then build its container.
  const config = await api(`/plugins/livechat/router/api/configuration/room/${video.uuid}`);
  if (current !== navigation || !config) return;
  leaveWatchPage = mountLivechat(placeholder, video, config);
}

// What the plugin's client (client/common/videowatch/chat.ts) does: one buttons bar for good
// (its CSS hides "Open chat" while open and "Close" while closed); opening appends
// converse-root to the container and lets the placeholder grow (flex-grow: 1, the
// plugin's "hack"); closing removes converse-root and restores the placeholder.
const BUTTONS = [
  ['open', 'Open chat', 'Chat'],
  ['openblank', 'Open in new window', '↗'],
  ['shareurl', 'Share chat link', '#'],
  ['help', 'Help', '?'],
  ['close', 'Close', '✕'],
];

function mountLivechat(placeholder, video, config) {
  const container = h('div', {
    id: 'peertube-plugin-livechat-container',
    role: 'region',
    'aria-label': 'Chat',
    'peertube-plugin-livechat-state': 'initializing',
    'peertube-plugin-livechat-current-url': location.href,
  });
  placeholder.append(container);
  const pluginPlaceholder = placeholder.closest('my-plugin-placeholder');
  let chat = null;

  const actions = {
    open: () => open(),
    close: () => close(),
  };
  const button = ([name, title, glyph]) =>
    h('a', {
      class: `peertube-plugin-livechat-button peertube-plugin-livechat-button-${name}`,
      href: name === 'openblank' ? `/p/livechat/room?room=${video.uuid}` : '#',
      target: name === 'openblank' ? '_blank' : undefined,
      role: 'button',
      title,
      'aria-label': title,
      text: glyph,
      onclick: (e) => {
        if (name === 'openblank') return;
        e.preventDefault();
        actions[name]?.();
      },
    });
  const buttons = h('div', { class: 'peertube-plugin-livechat-buttons' }, ...BUTTONS.map(button));
  container.append(buttons);

  function open() {
    if (chat) return;
    container.setAttribute('peertube-plugin-livechat-state', 'open');
    buttons.classList.add('peertube-plugin-livechat-buttons-open');
    if (pluginPlaceholder) pluginPlaceholder.style.flexGrow = '1';
    chat = mountChat(video, config);
    container.append(chat.element);
  }
  function close() {
    chat?.stop();
    chat?.element.remove();
    chat = null;
    container.setAttribute('peertube-plugin-livechat-state', 'closed');
    buttons.classList.remove('peertube-plugin-livechat-buttons-open');
    if (pluginPlaceholder) pluginPlaceholder.style.flexGrow = '';
  }
  open();
  return () => {
    chat?.stop();
    container.remove();
  };
}

// ---- the in-page chat, with ConverseJS's element names and classes ----

function messageElement(room, message) {
  const time = new Date(message.time);
  return h(
    'converse-chat-message',
    {},
    h(
      'div',
      {
        class: 'message chat-msg groupchat',
        'data-isodate': time.toISOString(),
        'data-msgid': message.msgid,
        'data-from': `${room}/${message.nick}`,
      },
      // ConverseJS's anchor to scroll a message into view (seeded messages have no id, like a bot's)
      message.msgid ? h('a', { id: message.msgid }) : null,
      h(
        'div',
        { class: 'chat-msg__content chat-msg__content--groupchat' },
        h(
          'span',
          { class: 'chat-msg__heading' },
          h('span', { class: 'chat-msg__author' }, h('a', { class: 'show-msg-author-modal', text: message.nick })),
          ' ',
          h('time', {
            class: 'chat-msg__time',
            datetime: time.toISOString(),
            text: time.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }),
          }),
        ),
        h(
          'div',
          { class: 'chat-msg__body chat-msg__body--groupchat' },
          h('div', { class: 'chat-msg__message' }, h('converse-chat-message-body', { class: 'chat-msg__text', text: message.text })),
        ),
      ),
    ),
  );
}

function mountChat(video, config) {
  const content = h('converse-chat-content', { class: 'chat-content', 'aria-live': 'polite' });
  const textarea = h('textarea', {
    class: 'chat-textarea',
    rows: '2',
    placeholder: token() ? 'Message' : 'Log in to chat',
    'aria-label': 'Message',
    disabled: !token(),
  });
  const status = h('p', { class: 'chat-status', role: 'status' });
  const participants = mountParticipants(video);
  const form = h(
    'form',
    { class: 'sendXMPPMessage', onsubmit: send },
    textarea,
    participants.toggle,
    h('button', { type: 'submit', class: 'send-button', text: 'Send', disabled: !token() }),
  );
  const element = h(
    'converse-root',
    { class: 'theme-peertube' },
    h(
      'converse-muc',
      { class: 'chatbox chatroom', 'data-jid': config.room },
      h('div', { class: 'chat-head chat-head-chatroom' }, h('div', { class: 'chatbox-title__text', text: video.name })),
      h('div', { class: 'chat-body chatroom-body' }, participants.sidebar, content, status, form),
    ),
  );

  const events = new EventSource(`/demo/chat/${video.uuid}/events`);
  events.onmessage = (event) => {
    const stick = content.scrollTop + content.clientHeight >= content.scrollHeight - 8;
    content.append(messageElement(config.room, JSON.parse(event.data)));
    if (stick) content.scrollTop = content.scrollHeight;
  };

  async function send(event) {
    event.preventDefault();
    const text = textarea.value.trim();
    if (!text) return;
    const res = await fetch(`/demo/chat/${video.uuid}/messages`, {
      method: 'POST',
      headers: { Authorization: `${localStorage.getItem('token_type')} ${token()}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ text }),
    });
    if (res.ok) textarea.value = '';
    status.textContent = res.ok ? '' : 'Message not sent. Are you logged in?';
  }
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) send(event);
  });

  return {
    element,
    stop: () => {
      events.close();
      participants.stop();
    },
  };
}

renderUser();
renderMenu();
route();
