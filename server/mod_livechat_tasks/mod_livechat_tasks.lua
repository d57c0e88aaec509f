-- mod_livechat_tasks: the PeerTube livechat Task Application's pubsub service, per MUC room.
--
-- Load it on a MUC component. Each room's bare JID is then a pubsub service (XEP-0060,
-- JID+NodeID addressing) with the nodes `livechat-tasks` (task lists and tasks) and
-- `livechat-notes` (moderator notes); any other node name works the same way.
-- Wire-compatible with mod_pubsub_peertubelivechat of peertube-plugin-livechat:
--   * room owners and admins (by bare JID) are pubsub publishers; everyone else, and
--     every request to a room that does not exist, gets auth/forbidden;
--   * nodes are created by the first subscribe or publish; a new `livechat-tasks` node
--     starts with a task list named after the room, published without notification;
--   * subscriptions are by bare JID and stored with the node: they outlive the room's
--     emptying and a restart, and end when that user leaves the room or stops being
--     owner/admin; destroying the room deletes its nodes.
-- The pubsub logic is Prosody's util.pubsub and mod_pubsub's library; the item storage
-- is our own (itemstore.lib.lua), so that a change costs the same at 5,000 items as at 10.

local pubsub = require "util.pubsub";
local st = require "util.stanza";
local cache = require "util.cache";
local jid_bare = require "util.jid".bare;
local jid_split = require "util.jid".split;
local new_id = require "util.id".medium;
local uuid_generate = require "util.uuid".generate;

local lib_pubsub = module:require "pubsub";
local new_itemstore = module:require "itemstore".new;
local new_nodestore = module:require "nodestore".new;
local send_items = module:require "items_reply".send_items;
local get_room_from_jid = module:depends "muc".get_room_from_jid;

local xmlns_pubsub = "http://jabber.org/protocol/pubsub";
local xmlns_pubsub_event = "http://jabber.org/protocol/pubsub#event";
local xmlns_pubsub_owner = "http://jabber.org/protocol/pubsub#owner";
local xmlns_tasklist = "urn:peertube-plugin-livechat:tasklist";
local xmlns_task = "urn:peertube-plugin-livechat:task";
local xmlns_note = "urn:peertube-plugin-livechat:note";
local node_tasks = "livechat-tasks";

-- An integer option within [min, max]. Prosody 0.13 has this as module:get_option_integer;
-- 0.12 (Debian 12, and the livechat plugin's bundle) only reads numbers, unchecked.
-- Same rule as 0.13: out of bounds is clamped, a fraction rounded down, both with a warning.
local function get_option_integer(name, default, min, max)
	if module.get_option_integer then return module:get_option_integer(name, default, min, max); end
	local value = module:get_option_number(name); -- logs an error itself when not a number
	if value == nil then return default; end
	if value ~= math.floor(value) then
		module:log("warn", "Config option '%s' expected an integer, not %g", name, value);
		value = math.floor(value);
	end
	if value < min or value > max then
		local bound = value < min and min or max;
		module:log("warn", "Config option '%s' out of bounds %g, using %d", name, value, bound);
		value = bound;
	end
	return value;
end

local max_items = get_option_integer("livechat_tasks_max_items", 5000, 1, 1000000);
-- Journal records kept at least before the snapshot of a small node is rewritten.
local compact_min = get_option_integer("livechat_tasks_journal_min", 1000, 1, 1000000);
-- Services of rooms in use; a room's service is also dropped when its last occupant leaves
-- (its nodes, items and subscriptions are in storage and load again on the next request).
local service_cache_size = get_option_integer("livechat_tasks_service_cache_size", 1000, 1, 1000000);

local node_configs = module:open_store("livechat_tasks_nodes");
local item_stores = {
	snapshots = module:open_store("livechat_tasks_snapshots");
	journal = module:open_store("livechat_tasks_journal", "archive");
};

-- A dropped service hands its item stores back, so that a newer service of the same room
-- is the only writer of their storage.
local function retire_service(_, service)
	for _, store in pairs(service.data) do
		store:close();
	end
end
local services = cache.new(service_cache_size, retire_service);

local function drop_service(room_jid)
	local service = services:get(room_jid);
	if service then
		services:set(room_jid, nil);
		retire_service(room_jid, service);
	end
end

local function live_room(room_jid)
	local room = get_room_from_jid(room_jid);
	-- A tombstone (a destroyed room kept to refuse its name for a while) is no room.
	-- Prosody 0.12 has no method that tells one; mod_muc itself reads this field.
	if room and not room._data.destroyed then return room; end
end

local function is_owner_or_admin(room, jid)
	local affiliation = room:get_affiliation(jid_bare(jid));
	return affiliation == "owner" or affiliation == "admin";
end

local function is_single_payload_item(item)
	return st.is_stanza(item) and item.name == "item" and item.attr.xmlns == xmlns_pubsub and #item.tags == 1;
end

local function tonumber_max_items(n)
	if n == "max" then return max_items; end
	return tonumber(n);
end

local function check_node_config(_, _, config)
	return (tonumber_max_items(config.max_items) or 1) <= max_items and config.access_model == "whitelist";
end

local function new_broadcaster(room_jid)
	return function (kind, node, jids, item, _, node_obj)
		if node_obj and node_obj.config["notify_"..kind] == false then return; end
		if kind == "retract" then
			kind = "items"; -- XEP-0060 signals a retraction inside <items>
		end
		local message = st.message({ from = room_jid, type = "headline", id = new_id() })
			:tag("event", { xmlns = xmlns_pubsub_event })
				:tag(kind, { node = node });
		if item then
			item = st.clone(item);
			item.attr.xmlns = nil;
			message:add_child(item);
		end
		for jid in pairs(jids) do
			message.attr.to = jid;
			module:send(message);
		end
	end;
end

local function room_display_name(room)
	local name = room:get_name();
	if name and name ~= "" then return name; end
	return (jid_split(room.jid));
end

-- Written straight to the item store: no broadcast, as in the official module
-- (the subscriber that caused the creation gets it with its first item retrieval).
local function add_first_tasklist(service, room)
	local item = st.stanza("item", { xmlns = xmlns_pubsub, id = uuid_generate() })
		:tag("tasklist", { xmlns = xmlns_tasklist })
			:tag("name"):text(room_display_name(room)):up()
		:up();
	local ok, err = service.data[node_tasks]:set(item.attr.id, item);
	if not ok then
		module:log("error", "Cannot add the first task list of %s: %s", room.jid, err);
	end
end

local function new_service(room)
	local room_jid = room.jid;
	local room_node = jid_split(room_jid);
	local service = pubsub.new({
		jid = room_jid;
		node_defaults = {
			max_items = max_items;
			persist_items = true;
			access_model = "whitelist";
			send_last_published_item = "never";
		};
		max_items = max_items;
		autocreate_on_publish = true;
		autocreate_on_subscribe = true;
		nodestore = new_nodestore(node_configs, room_node);
		itemstore = function (config, node)
			return new_itemstore(item_stores, room_node.."/"..node, {
				max_items = tonumber_max_items(config.max_items) or max_items;
				compact_min = compact_min;
				log = function (...) module:log(...) end;
				defer = function (f) module:add_timer(0, f); end;
			});
		end;
		broadcaster = new_broadcaster(room_jid);
		itemcheck = is_single_payload_item;
		normalize_jid = jid_bare;
		check_node_config = check_node_config;
		-- Looked up on every check, so that an affiliation change applies at once.
		get_affiliation = function (jid)
			local current = live_room(room_jid);
			if current and is_owner_or_admin(current, jid) then return "publisher"; end
			return "outcast";
		end;
	});
	service.events.add_handler("node-created", function (event)
		if event.node == node_tasks then add_first_tasklist(event.service, room); end
	end);
	return service;
end

local function get_service(room)
	local service = services:get(room.jid);
	if not service then
		service = new_service(room);
		services:set(room.jid, service);
	end
	return service;
end

local function handle_pubsub_iq(event)
	local origin, stanza = event.origin, event.stanza;
	local room = live_room(jid_bare(stanza.attr.to));
	-- Nothing, not even the node list or the subscriptions, for anyone but owners and admins.
	if not (room and is_owner_or_admin(room, stanza.attr.from)) then
		origin.send(st.error_reply(stanza, "auth", "forbidden"));
		return true;
	end
	local action = stanza.tags[1].tags[1];
	if stanza.attr.type == "set" and action and action.name == "publish"
	and not is_single_payload_item(action:get_child("item")) then
		-- Checked before util.pubsub would create the node: refused input changes nothing.
		origin.send(lib_pubsub.pubsub_error_reply(stanza, "invalid-item"));
		return true;
	end
	local service = get_service(room);
	local store = action and action.attr.node and service.data[action.attr.node];
	if store and store:load_error() then
		-- Unreadable stored items: an empty answer would tell the client they are gone,
		-- and a change would be written over them.
		origin.send(lib_pubsub.pubsub_error_reply(stanza, "internal-server-error"));
		return true;
	end
	if stanza.attr.type == "get" and action and action.name == "items" and stanza.tags[1].attr.xmlns == xmlns_pubsub then
		return send_items(origin, stanza, action, service);
	end
	return lib_pubsub.handle_pubsub_iq(event, service);
end

module:hook("iq/bare/"..xmlns_pubsub..":pubsub", handle_pubsub_iq);
module:hook("iq/bare/"..xmlns_pubsub_owner..":pubsub", handle_pubsub_iq);

module:hook("muc-disco#info", function (event)
	event.reply:tag("feature", { var = xmlns_tasklist }):up();
	event.reply:tag("feature", { var = xmlns_task }):up();
	event.reply:tag("feature", { var = xmlns_note }):up();
end);

local function unsubscribe_everywhere(service, bare_jid)
	-- Every resource's subscriptions, all nodes: true as the actor skips the rights check.
	local _, subscriptions = service:get_subscriptions(nil, true, bare_jid);
	for _, subscription in ipairs(subscriptions) do
		service:remove_subscription(subscription.node, true, subscription.jid);
	end
end

-- Whether the room's stored nodes list a subscription of `bare_jid` (any resource).
local function has_stored_subscription(room, bare_jid)
	local nodes, err = node_configs:get((jid_split(room.jid)));
	if err then
		module:log("error", "Cannot read the nodes of %s: %s", room.jid, err);
		return false;
	end
	for _, saved in pairs(nodes or {}) do
		for jid in pairs(saved.subscribers or {}) do
			if jid_bare(jid) == bare_jid then return true; end
		end
	end
	return false;
end

-- Ends the subscriptions of `bare_jid` in the room. When the room's service is not in memory
-- (the room emptied, or nobody used it since a restart) and `look_in_storage` is set, the
-- service is loaded, but only if storage names that user: one small read, not the items.
local function end_subscriptions(room, bare_jid, look_in_storage)
	local service = services:get(room.jid);
	if not service and look_in_storage and has_stored_subscription(room, bare_jid) then
		service = get_service(room);
	end
	if service then unsubscribe_everywhere(service, bare_jid); end
end

module:hook("muc-occupant-left", function (event)
	local room = event.room;
	-- The room's destruction notifies the subscribers itself (see muc-room-destroyed).
	if room.destroying then return; end
	local bare_jid = event.occupant.bare_jid;
	for _, occupant in room:each_occupant() do
		-- Another session of that user, under another nick, is still in the room.
		if occupant.bare_jid == bare_jid then return; end
	end
	-- Only owners and admins can hold a subscription (losing the rank ends it), so a viewer's
	-- leave never reads storage.
	end_subscriptions(room, bare_jid, is_owner_or_admin(room, bare_jid));
	if not room:has_occupant() then drop_service(room.jid); end
end);

module:hook("muc-set-affiliation", function (event)
	local was_publisher = event.previous_affiliation == "owner" or event.previous_affiliation == "admin";
	local is_publisher = event.affiliation == "owner" or event.affiliation == "admin";
	if not was_publisher or is_publisher then return; end
	end_subscriptions(event.room, jid_bare(event.jid), true);
end);

module:hook("muc-room-destroyed", function (event)
	local room = event.room;
	-- Also loads the service of a room nobody used since the start: its nodes are in storage.
	local service = services:get(room.jid) or new_service(room);
	local names = {};
	local _, nodes = service:get_nodes(true);
	for name in pairs(nodes) do names[#names + 1] = name; end
	for _, name in ipairs(names) do service:delete(name, true); end
	drop_service(room.jid);
end);
