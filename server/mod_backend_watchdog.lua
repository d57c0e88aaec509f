-- Private development server only (see prosody.cfg.lua.template): stops Prosody once the
-- process that started it is gone, so that a test runner killed in the middle of a run
-- leaves no server behind. Linux only (/proc); does nothing elsewhere.
module:set_global();

local parent_pid = module:get_option_number("livechat_backend_parent_pid");

-- Our parent's pid, from /proc/self/stat ("pid (comm) state ppid …"). When the parent dies,
-- even as a zombie nobody reaps, the kernel gives us a new parent at once.
local function current_parent_pid()
	local stat = io.open("/proc/self/stat");
	if not stat then return nil; end
	local line = stat:read("*l");
	stat:close();
	return tonumber(line:match("%) %S+ (%d+)"));
end

if parent_pid and current_parent_pid() == parent_pid then
	module:add_timer(1, function ()
		if current_parent_pid() == parent_pid then return 1; end
		module:log("warn", "The process that started this server (%d) is gone: shutting down", parent_pid);
		-- As mod_posix does for SIGTERM: shutting down waits, so it must run in the main thread.
		prosody.main_thread:run(function ()
			prosody.shutdown("parent process gone");
		end);
	end);
end
