// The PostgreSQL backend of SqlConnection (libpqxx), kept in a library of its
// own so only its file sees libpq's headers.
#pragma once

#include <memory>
#include <string_view>

#include "store/sql_connection.hpp"

namespace sekisho {

// Connects to the database `url` names (a libpq URI); `what` names it in
// errors. A writer waits up to `lock_timeout_ms` for the write lock.
Result<std::unique_ptr<SqlConnection>> open_postgres_connection(std::string_view url, std::string_view what,
                                                                int lock_timeout_ms);

}  // namespace sekisho
