// sekisho/status.hpp — the one error vocabulary of sekisho.
//
// Every fallible operation returns a Status or a Result<T>. The codes form a
// closed set that maps one-to-one onto CLI exit codes and HTTP statuses, so an
// edge (CLI, HTTP, Python) never invents its own error kinds.
//
//   Result<ParsedList> r = parse_list("un-xml", {path});
//   if (!r.ok()) { std::cerr << r.status().to_string(); return r.status().exit_code(); }
//   ParsedList& list = *r;
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace sekisho {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,    // the caller asked for something malformed (flag, format name)
  kParseError,         // an input file is malformed; the message names file, line/element, field
  kNotFound,           // a list, version, entity or file that does not exist
  kAlreadyExists,      // nothing to do: identical content already stored
  kIoError,            // the file system or the store failed
  kUnavailable,        // a remote publisher or the case store's server could not be reached, or a store stayed locked
  kPermissionDenied,   // authenticated but not allowed
  kUnauthenticated,    // no or wrong credentials
  kResourceExhausted,  // rate or size limit hit
  kInternal,           // a broken invariant inside sekisho
};

std::string_view status_code_name(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status ok_status() { return {}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "parse error: sdn.csv:12: field 3 (sdn_type): ..." — for humans and logs.
  std::string to_string() const;
  // Process exit code for the CLI (0 only for kOk).
  int exit_code() const;
  // HTTP status for the server (200 only for kOk).
  int http_status() const;

  // Prefixes the message with context, keeping the code: "while importing un: ...".
  Status with_context(std::string_view context) const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

Status invalid_argument(std::string message);
Status parse_error(std::string message);
Status not_found(std::string message);
Status already_exists(std::string message);
Status io_error(std::string message);
Status unavailable(std::string message);
Status internal_error(std::string message);

// A value or the Status that explains why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Status status) : data_(std::move(status)) {  // NOLINT: implicit by design
    assert(!std::get<Status>(data_).ok() && "Result from an OK status has no value");
  }

  bool ok() const { return std::holds_alternative<T>(data_); }
  const Status& status() const {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<Status>(data_);
  }
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace sekisho

// Returns early with the Status of `expr` when it is not OK.
#define SEKISHO_RETURN_IF_ERROR(expr) \
  do {                                \
    ::sekisho::Status _st = (expr);   \
    if (!_st.ok()) return _st;        \
  } while (0)

#define SEKISHO_CONCAT_INNER(a, b) a##b
#define SEKISHO_CONCAT(a, b) SEKISHO_CONCAT_INNER(a, b)
// Declares `lhs` from a Result, or returns its Status.
#define SEKISHO_ASSIGN_OR_RETURN(lhs, expr)                                                   \
  auto SEKISHO_CONCAT(_res_, __LINE__) = (expr);                                              \
  if (!SEKISHO_CONCAT(_res_, __LINE__).ok()) return SEKISHO_CONCAT(_res_, __LINE__).status(); \
  lhs = std::move(SEKISHO_CONCAT(_res_, __LINE__)).value()
