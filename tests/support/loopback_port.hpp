// A free TCP port on 127.0.0.1 for a test's server or publisher.
#pragma once

namespace sekisho::testing {

// A port the kernel just handed out on loopback (bound, read, closed): free
// again, so a server can bind it, or a client find nothing listening there.
// Another process may take it meanwhile; a server that fails to bind it
// should retry with a new one. 0 if no port could be had.
int free_loopback_port();

}  // namespace sekisho::testing
