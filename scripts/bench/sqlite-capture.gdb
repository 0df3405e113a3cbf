# Runs the server under gdb and prints every SQL statement the bundled SQLite executes, with
# its bound values inlined (sqlite3_expanded_sql), one per line prefixed "SQL| ". A statement
# is printed on its first sqlite3_step only (sqlite3_stmt_busy is 0 then), not once per row.
# Used by scripts/bench-search to capture the exact SQL of one request on SQLite; the
# release binary keeps the C symbols of the bundled SQLite, so no debug info is needed
# (functions without debug info are called with their return type cast, as gdb requires).
# Non-stop mode: only the thread that hits the breakpoint stops, so the functions called
# for the condition and the message run while the other threads go on.
set pagination off
set language c
set confirm off
set non-stop on
set print thread-events off
set print inferior-events off
set print elements unlimited
set print repeats unlimited
set startup-with-shell on
handle SIGPIPE SIGUSR1 SIGUSR2 SIGINT SIGTERM nostop noprint pass
set dprintf-style gdb
dprintf *sqlite3_step,"SQL| %s\n",(char *) sqlite3_expanded_sql($rdi)
condition 1 (int) sqlite3_stmt_busy($rdi) == 0
