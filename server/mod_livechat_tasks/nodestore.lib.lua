-- Node store of one room's pubsub service, in the shape util.pubsub expects
-- (get, set, users), over a keyval store (`node_configs`) keyed by the room's node name.

local _M = {};

-- Node names, settings and subscribers of one room, in one small record:
-- { [node] = { config = {…}, subscribers = { [jid] = true | options } } }.
-- Subscriptions are stored as the livechat plugin's module stores them (with the node), so
-- that an admin subscribed from outside the room keeps them while the room is empty and
-- across a restart. (Records written before subscriptions were stored have none.)
function _M.new(node_configs, room_node)
	local store = {};
	function store:get(name) -- luacheck: ignore 212/self
		local nodes = node_configs:get(room_node) or {};
		local saved = nodes[name];
		if saved then
			return { name = name, config = saved.config or {}, subscribers = saved.subscribers or {}, affiliations = {} };
		end
	end
	function store:set(name, data) -- luacheck: ignore 212/self
		local nodes, err = node_configs:get(room_node);
		if err then return nil, err; end
		nodes = nodes or {};
		local saved = nil;
		if data then
			-- Copies: util.pubsub keeps changing its own tables after this call.
			saved = { config = {}, subscribers = {} };
			for key, value in pairs(data.config) do saved.config[key] = value; end
			for jid, subscription in pairs(data.subscribers or {}) do saved.subscribers[jid] = subscription; end
		end
		nodes[name] = saved;
		return node_configs:set(room_node, next(nodes) and nodes or nil);
	end
	function store:users() -- luacheck: ignore 212/self
		return pairs(node_configs:get(room_node) or {});
	end
	return store;
end

return _M;
