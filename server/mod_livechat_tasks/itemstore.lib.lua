-- Item store of one pubsub node, in the shape util.pubsub expects
-- (get, set, items, head, clear, resize).
--
-- Why not lib_pubsub.archive_itemstore: with internal storage every publish there
-- loads, filters and rewrites the whole item list (three passes over up to 5,000 items).
-- Here the items live in memory in publication order (a doubly linked list indexed by id),
-- and storage gets one small record per change:
--   * journal (archive store): one record appended per publish (the item as XML text)
--     or retract, tagged with the snapshot generation it follows;
--   * snapshot (keyval store): { generation = G, items = { "<item …/>", … } } oldest first,
--     rewritten when the journal has grown as long as the node (or `compact_min` records),
--     so the rewrite costs O(1) per change on average.
-- Loading replays the journal records of the current generation over the snapshot.
-- A crash between writing a snapshot and clearing the journal leaves records of an older
-- generation, which are ignored. Eviction of the oldest item past `max_items` is not
-- journaled: replay applies the same rule.
-- See server/README.md for the layout.

local st = require "util.stanza";
local xml_parse = require "util.xml".parse;

local xmlns_pubsub = "http://jabber.org/protocol/pubsub";

local _M = {};

local list_mt = {};
list_mt.__index = list_mt;

local function new_list()
	return setmetatable({ by_id = {}, oldest = nil, newest = nil, count = 0 }, list_mt);
end

function list_mt:unlink(entry)
	if entry.prev then entry.prev.next = entry.next; else self.oldest = entry.next; end
	if entry.next then entry.next.prev = entry.prev; else self.newest = entry.prev; end
	entry.prev, entry.next = nil, nil;
	self.by_id[entry.id] = nil;
	self.count = self.count - 1;
end

-- Adds or replaces `id` as the newest item (a replaced item moves to the newest place,
-- as with Prosody's own archive item store), then evicts the oldest past `max_items`.
-- `xml` is the item serialized, kept so that a full retrieval is mostly a concatenation.
function list_mt:put(id, item, xml, max_items)
	local existing = self.by_id[id];
	if existing then self:unlink(existing); end
	local entry = { id = id, item = item, xml = xml, prev = self.newest };
	if self.newest then self.newest.next = entry; else self.oldest = entry; end
	self.newest = entry;
	self.by_id[id] = entry;
	self.count = self.count + 1;
	while self.count > max_items do
		self:unlink(self.oldest);
	end
end

function list_mt:remove(id)
	local entry = self.by_id[id];
	if entry then self:unlink(entry); end
end

local function parse_item(text)
	local item = xml_parse(text);
	if item and item.name == "item" and item.attr.id then
		return item;
	end
end

-- stores: { snapshots = keyval store, journal = archive store }
-- key: storage user name for this node (unique per room and node)
-- options: { max_items, compact_min, log = module:log-like, defer = function (f) runs f soon }
function _M.new(stores, key, options)
	local snapshots, journal = stores.snapshots, stores.journal;
	local max_items, compact_min, log, defer = options.max_items, options.compact_min, options.log, options.defer;
	local list = new_list();
	local generation = 0;
	local journal_length = 0;
	-- Set when the stored items could not be read: the node then refuses changes
	-- (wait/internal-server-error) rather than overwrite what it could not see.
	local load_error = nil;

	local function load()
		local snapshot, err = snapshots:get(key);
		if err then
			log("error", "Cannot read the items snapshot of %s: %s", key, err);
			load_error = err;
			return;
		end
		if snapshot then
			generation = snapshot.generation or 0;
			for _, text in ipairs(snapshot.items or {}) do
				local item = parse_item(text);
				if item then
					list:put(item.attr.id, item, text, max_items);
				else
					log("warn", "Skipping an unreadable item in the snapshot of %s", key);
				end
			end
		end
		local records, find_err = journal:find(key);
		if not records then
			log("error", "Cannot read the items journal of %s: %s", key, find_err);
			load_error = find_err;
			return;
		end
		local current = tostring(generation);
		for _, record in records do
			journal_length = journal_length + 1;
			if record.attr.gen == current then
				if record.name == "publish" then
					local text = record:get_text();
					-- (journals written before items were kept as text held the item as a child)
					local item = record.tags[1] or parse_item(text);
					if item and item.attr.id then
						item.attr.xmlns = xmlns_pubsub;
						list:put(item.attr.id, item, record.tags[1] and tostring(item) or text, max_items);
					end
				elseif record.name == "retract" then
					list:remove(record.attr.id);
				end
			end
		end
	end

	local function compact()
		local texts = {};
		local entry = list.oldest;
		while entry do
			texts[#texts + 1] = entry.xml;
			entry = entry.next;
		end
		local next_generation = generation + 1;
		local ok, err = snapshots:set(key, { generation = next_generation, items = texts });
		if not ok then
			log("error", "Cannot write the items snapshot of %s: %s", key, err);
			return false;
		end
		generation = next_generation;
		local deleted, delete_err = journal:delete(key);
		if not deleted and delete_err then
			-- Harmless for correctness (stale records are of an older generation), but they take room.
			log("warn", "Cannot clear the items journal of %s: %s", key, delete_err);
		end
		journal_length = 0;
		return true;
	end

	local function append(record)
		record.attr.gen = tostring(generation);
		-- An integer time: Lua 5.4's os.date refuses the fractional default of some drivers.
		local ok, err = journal:append(key, nil, record, os.time());
		if not ok and err == "quota-limit" and compact() then
			record.attr.gen = tostring(generation);
			ok, err = journal:append(key, nil, record, os.time());
		end
		if not ok then
			log("error", "Cannot write to the items journal of %s: %s", key, err);
			return false, err;
		end
		journal_length = journal_length + 1;
		return true;
	end

	-- Rewriting a full node's snapshot takes tens of milliseconds: done after the reply
	-- to the request that made it due, not before.
	local compaction_pending = false;
	-- One writer per key: after close() this store is retired, and a late compaction must
	-- not write a snapshot that a newer store of the same key would misread.
	local retired = false;
	local function compact_if_due()
		if compaction_pending or journal_length < math.max(compact_min, list.count) then return; end
		compaction_pending = true;
		defer(function ()
			if retired or not compaction_pending then return; end
			compaction_pending = false;
			compact();
		end);
	end

	load();

	local store = {};

	function store:get(id) -- luacheck: ignore 212/self
		local entry = list.by_id[id];
		return entry and entry.item;
	end

	-- Persist first, then change memory: a failed write leaves the node as it was.
	function store:set(id, item) -- luacheck: ignore 212/self
		if load_error then return nil, load_error; end
		if item == nil then
			if not list.by_id[id] then return true; end
			local ok, err = append(st.stanza("retract", { id = id }));
			if not ok then return nil, err; end
			list:remove(id);
		else
			-- Only id and payload are kept: retrieval never shows the publisher (as in the
			-- official module), and the copy keeps the stored item apart from the request.
			item = st.clone(item);
			item.attr.publisher = nil;
			-- Journaled as XML text, like the snapshot: storage serializes tables only so deep,
			-- and a payload from another client may nest deeper (it is stored all the same).
			local xml = tostring(item);
			local ok, err = append(st.stanza("publish"):text(xml));
			if not ok then return nil, err; end
			list:put(id, item, xml, max_items);
		end
		compact_if_due();
		return true;
	end

	-- Newest first, like archive_itemstore: lib_pubsub reverses it into oldest first.
	function store:items() -- luacheck: ignore 212/self
		local entry = { prev = list.newest };
		return function ()
			entry = entry.prev;
			if entry then return entry.id, entry.item; end
		end;
	end

	-- The item as XML (see send_items in mod_livechat_tasks.lua).
	function store:serialized(id) -- luacheck: ignore 212/self
		local entry = list.by_id[id];
		return entry and entry.xml;
	end

	function store:head() -- luacheck: ignore 212/self
		local newest = list.newest;
		if newest then return newest.id, newest.item; end
	end

	function store:clear() -- luacheck: ignore 212/self
		list = new_list();
		compaction_pending = false; -- nothing left to compact (purge), or the node is gone (delete)
		generation, journal_length = 0, 0;
		local ok, err = snapshots:set(key, nil);
		if not ok then log("error", "Cannot delete the items snapshot of %s: %s", key, err); end
		journal:delete(key);
		return true;
	end

	function store:resize(size) -- luacheck: ignore 212/self
		if load_error then return nil, load_error; end
		max_items = size;
		while list.count > max_items do list:unlink(list.oldest); end
		return compact();
	end

	-- Called when the service drops this node from memory: finishes a pending compaction now.
	function store:close() -- luacheck: ignore 212/self
		if retired then return; end
		if compaction_pending then
			compaction_pending = false;
			compact();
		end
		retired = true;
	end

	-- The reason the stored items could not be read, if they could not.
	function store:load_error() -- luacheck: ignore 212/self
		return load_error;
	end

	return store;
end

return _M;
