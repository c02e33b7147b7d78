#include "server/http_response.hpp"

namespace sekisho::server {

ApiResponse json_response(const nlohmann::json& body, int status) {
  ApiResponse r;
  r.status = status;
  // Stored records come from many publishers; one bad byte must not turn a
  // lookup into an exception, so it is replaced with U+FFFD.
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

std::string error_code_name(StatusCode code) {
  std::string name(status_code_name(code));
  for (char& c : name) {
    if (c == ' ') c = '_';
  }
  return name;
}

ApiResponse error_response(int http_status, std::string_view code, std::string_view message) {
  nlohmann::json body = {{"error", {{"code", code}, {"message", message}}}, {"detail", message}};
  return json_response(body, http_status);
}

ApiResponse error_response(const Status& status) {
  return error_response(status.http_status(), error_code_name(status.code()), status.message());
}

}  // namespace sekisho::server
