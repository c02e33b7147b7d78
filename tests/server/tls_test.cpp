// HTTPS served directly (--tls-cert/--tls-key) with cpp-httplib's SSLServer.
#include "server_fixture.hpp"
#include "support/subprocess.hpp"

namespace sekisho::testing {
namespace {

TEST(TlsTest, ServesHttpsWithAGivenCertificate) {
  fs::path home = fresh_home("tls");
  create_keys(home);
  fs::path cert = home / "cert.pem", key = home / "key.pem";
  RunResult gen = run_process({"/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                               "-subj", "/CN=localhost", "-keyout", key.string(), "-out", cert.string()});
  ASSERT_EQ(gen.exit_code, 0) << gen.err;
  ServerOptions options;
  options.home = home;
  options.port = 0;
  options.tls_cert = cert.string();
  options.tls_key = key.string();
  auto server = Server::create(options);
  ASSERT_TRUE(server.ok()) << server.status().to_string();
  ASSERT_TRUE((*server)->start().ok());
  httplib::SSLClient tls("127.0.0.1", (*server)->port());
  tls.set_ca_cert_path(cert.string().c_str());
  tls.enable_server_certificate_verification(false);  // self-signed for "localhost", dialled by IP
  auto r = tls.Get("/healthz");
  ASSERT_TRUE(r) << httplib::to_string(r.error());
  EXPECT_EQ(r->status, 200);
  httplib::Client plain("127.0.0.1", (*server)->port());
  plain.set_read_timeout(3, 0);
  auto refused = plain.Get("/healthz");
  EXPECT_TRUE(!refused || refused->status != 200) << "plain HTTP answered on the TLS port";
  (*server)->stop();

  options.tls_key = (home / "missing.pem").string();
  auto bad = Server::create(options);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  options.tls_key.clear();
  EXPECT_FALSE(Server::create(options).ok()) << "a certificate without a key is refused";
  fs::remove_all(home);
}

}  // namespace
}  // namespace sekisho::testing
