// The HTTP API against the real server on a loopback port, with an index built from the
// fixture manuals: every route, every error status, and the guards around cpp-httplib.
#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <csignal>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "http/json_codec.h"
#include "server_process.h"
#include "test_support.h"

using nlohmann::json;
using namespace dutydesk::testing;
namespace fs = std::filesystem;

namespace {

// Percent-encodes a path segment or query value.
std::string encode(const std::string& text) {
  return dutydesk::json_codec::percentEncode(text);
}

struct Fixture {
  // A server closing a connection must not kill the test with SIGPIPE.
  const bool ignoringSigpipe = std::signal(SIGPIPE, SIG_IGN) != SIG_ERR;
  TempDir dir;
  fs::path web;
  std::unique_ptr<ServerProcess> server;

  Fixture() {
    const CommandResult indexed =
        run(quote(binary()) + " index --db " + quote(dir / "db") + " " + quote(fixture("search")));
    REQUIRE_MESSAGE(indexed.exitCode == 0, indexed.output);
    // A web folder of our own, with a file beside it that traversal must not reach.
    web = dir / "web";
    fs::create_directories(web / "css");
    std::ofstream(web / "index.html") << "<!doctype html><title>dutydesk</title>";
    std::ofstream(web / "css" / "app.css") << "body{}";
    std::ofstream(web / "app.js") << "export{}";
    std::ofstream(dir / "secret.txt") << "secret";
    server = std::make_unique<ServerProcess>(
        std::vector<std::string>{"--db", (dir / "db").string(), "--web", web.string()});
  }

  httplib::Client client() const {
    httplib::Client c("127.0.0.1", server->port());
    c.set_read_timeout(10);
    return c;
  }
};

Fixture& fixtureServer() {
  static Fixture f;
  return f;
}

httplib::Result get(const std::string& path) {
  return fixtureServer().client().Get(path.c_str());
}

json body(const httplib::Result& result) {
  return json::parse(result->body);
}

// Sends raw bytes and returns the raw response (for requests httplib's client won't make).
std::string rawRequest(const std::string& request) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(fixtureServer().server->port()));
  ::inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  ::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
  std::string response;
  char buffer[4096];
  timeval timeout{5, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  for (ssize_t n; (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0;) {
    response.append(buffer, static_cast<size_t>(n));
    if (response.find("\r\n\r\n") != std::string::npos) break;
  }
  ::close(fd);
  return response;
}

std::string statusLine(const std::string& response) {
  return response.substr(0, response.find("\r\n"));
}

}  // namespace

TEST_CASE("a repeated search gets the same response, from the cache or not") {
  const std::string path = "/api/search?q=" + encode("谁负责催缴物业费") + "&limit=3";
  const auto first = get(path);
  const auto again = get(path);
  REQUIRE(first);
  REQUIRE(again);
  CHECK(again->status == 200);
  CHECK(again->body == first->body);
  CHECK(again->get_header_value("Content-Type") == first->get_header_value("Content-Type"));
  CHECK(again->get_header_value("Cache-Control") == "no-store");
  // The limit is part of the question: a cached answer for 3 hits is not one for 1.
  CHECK(body(get("/api/search?q=" + encode("谁负责催缴物业费") + "&limit=1"))["hits"].size() == 1);
}

TEST_CASE("GET /api/search returns the result of interface.md") {
  const auto result = get("/api/search?q=" + encode("谁负责催缴物业费"));
  REQUIRE(result);
  CHECK(result->status == 200);
  CHECK(result->get_header_value("Content-Type") == "application/json; charset=utf-8");
  const json j = body(result);
  CHECK(j["query"] == "谁负责催缴物业费");
  REQUIRE(j["answers"].size() >= 1);
  const json& answer = j["answers"][0];
  CHECK(answer["manual"] == "xiaoqu");
  CHECK(answer["position"] == "收费员");
  CHECK(answer["department"] == "客户服务部");
  CHECK(answer["clauses"][0] == "2.3.1.2");
  CHECK(answer["score"].is_number());
  const json& hit = j["hits"][0];
  CHECK(hit["manual"] == "xiaoqu");
  CHECK(hit["address"] == "2.3.1.2");
  CHECK(hit["cite"] == "2.3.1 第2条");
  CHECK(hit["position"] == "收费员");
  CHECK(hit["department"] == "客户服务部");
  CHECK(hit["heading"] == "2.3.1 主要职责");
  CHECK(hit["text"] == "每月整理欠费清单，电话催缴拖欠物业服务费的业主。");
  CHECK(hit["snippet"] ==
        "每月整理欠费清单，电话<mark>催缴</mark>拖欠<mark>物业服务费</mark>的业主。");
  CHECK(hit["url"] == "/c/xiaoqu/2.3.1.2");
  CHECK(j["total"].get<int>() >= 1);
  CHECK(j["contenders"].get<int>() >= 1);
  CHECK(j["sound_alikes"].empty());
  CHECK(j["events"].empty());

  // 巡罗, a pinyin slip for 巡逻: searched as that word too, and said so.
  const json slip = body(get("/api/search?q=" + encode("谁负责巡罗")));
  REQUIRE(slip["sound_alikes"].size() == 1);
  CHECK(slip["sound_alikes"][0]["typed"] == "巡罗");
  CHECK(slip["sound_alikes"][0]["words"][0] == "巡逻");
  REQUIRE_FALSE(slip["hits"].empty());
}

TEST_CASE("search parameters: manual, limit, and a general clause has null position") {
  const json limited = body(get("/api/search?q=%E4%B8%9A%E4%B8%BB&limit=1"));
  CHECK(limited["hits"].size() == 1);
  const json filtered = body(get("/api/search?q=%E7%94%B5%E6%A2%AF&manual=jinji"));
  for (const json& hit : filtered["hits"]) CHECK(hit["manual"] == "jinji");
  const json event = body(get("/api/search?q=" + encode("电梯困人了谁去现场")));
  REQUIRE(event["events"].size() == 1);
  CHECK(event["events"][0] == json{{"manual", "jinji"},
                                   {"chapter", "第一章 电梯困人"},
                                   {"section", "1.1"},
                                   {"title", "处置要点"},
                                   {"url", "/?m=jinji&s=1.1"}});
  const json general = body(get("/api/search?q=" + encode("首问负责")));
  REQUIRE_FALSE(general["hits"].empty());
  CHECK(general["hits"][0]["position"].is_null());
  CHECK(general["hits"][0]["department"].is_null());
  CHECK(general["answers"].empty());
  CHECK(general["contenders"] == 0);
}

TEST_CASE("bad search parameters are 400 or 404 with a JSON message") {
  const struct {
    std::string path;
    int status;
    std::string error;
  } cases[] = {
      {"/api/search?q=%E4%B8%9A&limit=0", 400, "limit must be a number from 1 to 100"},
      {"/api/search?q=%E4%B8%9A&limit=abc", 400, "limit must be a number from 1 to 100"},
      {"/api/search?q=%E4%B8%9A&limit=1000", 400, "limit must be a number from 1 to 100"},
      {"/api/search?q=%FF%FE", 400, "q is not valid UTF-8"},
      {"/api/search?q=" + std::string(700, 'a'), 400,
       "the question is too long (at most 600 bytes)"},
      {"/api/search?q=%E4%B8%9A&manual=nope", 404, "no manual with id 'nope'"},
      {"/api/manuals/nope", 404, "no manual with id 'nope'"},
      {"/api/positions/xiaoqu/" + encode("总经理"), 404, "no position named '总经理' in xiaoqu"},
      {"/api/clauses/xiaoqu/9.9.9", 404, "no clause at address '9.9.9' in xiaoqu"},
      {"/api/clauses/%FF/1", 400, "manual is not valid UTF-8"},
      {"/api/nothing", 404, "no such API route; see the README for the routes"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.path);
    const auto result = get(c.path);
    REQUIRE(result);
    CHECK(result->status == c.status);
    CHECK(body(result)["error"] == c.error);
  }
}

TEST_CASE("an empty question is an empty result, not an error") {
  const json j = body(get("/api/search?q="));
  CHECK(j["hits"].empty());
  CHECK(j["answers"].empty());
  CHECK(j["total"] == 0);
}

TEST_CASE("manuals, positions and clauses") {
  const json manuals = body(get("/api/manuals"));
  REQUIRE(manuals["manuals"].size() == 2);
  CHECK(manuals["manuals"][1]["id"] == "xiaoqu");
  CHECK(manuals["manuals"][1]["title"] == "示例小区岗位手册");
  CHECK(manuals["manuals"][1]["counts"]["positions"] == 6);

  const json manual = body(get("/api/manuals/xiaoqu"));
  CHECK(manual["chapters"].size() == 3);
  CHECK(manual["chapters"][1]["label"] == "第二章");
  CHECK(manual["departments"][0]["name"] == "客户服务部");
  CHECK(manual["departments"][0]["positions"] ==
        json::array({"客服主管", "客服专员", "收费员", "项目经理"}));

  // Any of a position's names finds it; the page shows the same job in the other manual.
  const json position = body(get("/api/positions/xiaoqu/" + encode("保安员")));
  CHECK(position["name"] == "秩序维护员");
  CHECK(position["aliases"] == json::array({"保安员"}));
  CHECK(position["department"] == "秩序维护部");
  CHECK(position["superiors"] == json::array({"项目经理"}));
  CHECK(position["places"][0]["subsections"][0]["heading"] == "3.1.1 主要职责");
  CHECK(position["places"][0]["subsections"][0]["clauses"][0]["address"] == "3.1.1.1");
  REQUIRE(position["elsewhere"].size() == 1);
  CHECK(position["elsewhere"][0]["manual"] == "jinji");

  const json section = body(get("/api/sections/xiaoqu/1.1"));
  CHECK(section["title"] == "基本原则");
  CHECK(section["chapter"] == "第一章 总则");
  CHECK(section["position"].is_null());
  REQUIRE(section["clauses"].size() == 2);
  CHECK(section["clauses"][1]["address"] == "1.1.2");
  CHECK(get("/api/sections/xiaoqu/9.9")->status == 404);

  const json clause = body(get("/api/clauses/xiaoqu/2.2.2.1"));
  CHECK(clause["cite"] == "2.2.2 第1条");
  CHECK(clause["position"] == "客服专员");
  CHECK(clause["heading"] == "2.2.2 主要职责");
  CHECK(clause["previous"] == "2.2.1.p1");
  CHECK(clause["next"] == "2.2.2.2");
  CHECK(clause["html"] == "受理业主报修，登记后五分钟内向工程部派发维修工单。");
}

TEST_CASE("clause text is escaped wherever it is shown") {
  const json clause = body(get("/api/clauses/xiaoqu/2.2.2.4"));
  const std::string html = clause["html"];
  CHECK(html.find("<script>") == std::string::npos);
  CHECK(html.find("&lt;script&gt;") != std::string::npos);
  const json found = body(get("/api/search?q=" + encode("<script>快递包裹")));
  REQUIRE_FALSE(found["hits"].empty());
  CHECK(found["hits"][0]["snippet"].get<std::string>().find("<script>") == std::string::npos);
}

TEST_CASE("permalinks open the web UI, 404 for unknown targets") {
  CHECK(get("/c/xiaoqu/2.2.2.1")->status == 200);
  CHECK(get("/c/xiaoqu/2.2.2.1")->body.find("<title>dutydesk</title>") != std::string::npos);
  CHECK(get("/p/xiaoqu/" + encode("前台接待"))->status == 200);
  CHECK(get("/c/xiaoqu/9.9")->status == 404);
  CHECK(get("/p/nope/x")->status == 404);
}

TEST_CASE("static files come only from the web folder, with their types") {
  const auto css = get("/css/app.css");
  CHECK(css->status == 200);
  CHECK(css->get_header_value("Content-Type") == "text/css; charset=utf-8");
  CHECK(get("/app.js")->get_header_value("Content-Type") == "text/javascript; charset=utf-8");
  CHECK(get("/")->get_header_value("Content-Type") == "text/html; charset=utf-8");
  for (const char* path : {"/../secret.txt", "/%2e%2e/secret.txt", "/css/../../secret.txt",
                           "/css/%2e%2e/%2e%2e/secret.txt", "/..%2fsecret.txt", "/.hidden",
                           "/nope.html", "/%00index.html"}) {
    CAPTURE(path);
    const std::string response =
        rawRequest(std::string("GET ") + path + " HTTP/1.1\r\nHost: x\r\n\r\n");
    CHECK(statusLine(response).find(" 404 ") != std::string::npos);
    CHECK(response.find("secret") == std::string::npos);
  }
}

TEST_CASE("every response carries the security headers") {
  for (const char* path : {"/", "/api/manuals", "/api/nothing", "/healthz"}) {
    CAPTURE(path);
    const auto result = get(path);
    CHECK(result->get_header_value("X-Content-Type-Options") == "nosniff");
    CHECK(result->get_header_value("Content-Security-Policy").find("script-src 'self'") !=
          std::string::npos);
  }
}

TEST_CASE("healthz answers while the index is loaded") {
  const auto result = get("/healthz");
  CHECK(result->status == 200);
  CHECK(body(result)["status"] == "ok");
}

TEST_CASE("guards: bodies, encodings, methods, headers") {
  const struct {
    std::string request;
    std::string status;
  } cases[] = {
      {"POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc", "405"},
      {"PUT / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n", "405"},
      {"GET /api/manuals HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello", "413"},
      {"GET /api/manuals HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
       "400"},
      {"GET /api/manuals HTTP/1.1\r\nHost: x\r\nContent-Encoding: gzip\r\n\r\n", "400"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.request);
    CHECK(statusLine(rawRequest(c.request)).find(" " + c.status + " ") != std::string::npos);
  }
  std::string manyHeaders = "GET /api/manuals HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 60; ++i) manyHeaders += "X-H" + std::to_string(i) + ": v\r\n";
  CHECK(statusLine(rawRequest(manyHeaders + "\r\n")).find(" 431 ") != std::string::npos);
  const std::string bigHeader =
      "GET /api/manuals HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(7000, 'a') +
      "\r\nX-Big2: " + std::string(3000, 'b') + "\r\n\r\n";
  CHECK(statusLine(rawRequest(bigHeader)).find(" 431 ") != std::string::npos);
}

TEST_CASE("request data never reaches response headers; the log uses the socket address") {
  const std::string response = rawRequest(
      "GET /api/search?q=%0d%0aSet-Cookie:%20x=1 HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: "
      "6.6.6.6\r\n\r\n");
  const std::string headers = response.substr(0, response.find("\r\n\r\n"));
  CHECK(headers.find("Set-Cookie") == std::string::npos);
  const std::string& log = fixtureServer().server->log();
  CHECK(log.find("6.6.6.6") == std::string::npos);
  CHECK(log.find("127.0.0.1 GET /api/search?q=%0d%0aSet-Cookie:%20x=1 200") != std::string::npos);
}

TEST_CASE("a second server on a port in use fails to start instead of sharing it") {
  Fixture& f = fixtureServer();
  const CommandResult second =
      run("timeout 10 " + quote(binary()) + " serve --quiet --db " + quote(f.dir / "db") +
          " --port " + std::to_string(f.server->port()));
  CHECK(second.exitCode == 1);
  CHECK(second.output.find("cannot listen on 127.0.0.1:" + std::to_string(f.server->port())) !=
        std::string::npos);
  CHECK(get("/healthz")->status == 200);
}

TEST_CASE("the server keeps running after hostile input") {
  rawRequest("GARBAGE\r\n\r\n");
  rawRequest(std::string(20000, 'x'));
  rawRequest("GET /" + std::string(10000, 'a') + " HTTP/1.1\r\n\r\n");
  CHECK(fixtureServer().server->running());
  CHECK(get("/healthz")->status == 200);
}

TEST_CASE("a full worker queue answers 503 at once") {
  TempDir dir;
  const CommandResult indexed =
      run(quote(binary()) + " index --db " + quote(dir / "db") + " " + quote(fixture("search")));
  REQUIRE(indexed.exitCode == 0);
  ServerProcess busy({"--db", (dir / "db").string(), "--web", fixtureServer().web.string(),
                      "--threads", "1", "--queue", "1", "--quiet"});
  const auto openIdle = [&] {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(busy.port()));
    ::inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
    REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    return fd;
  };
  // The only worker waits on a silent connection; a second one waits in the queue.
  const int holder = openIdle();
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  const int waiting = openIdle();
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  httplib::Client client("127.0.0.1", busy.port());
  const auto result = client.Get("/healthz");
  REQUIRE(result);
  CHECK(result->status == 503);
  CHECK(result->get_header_value("Retry-After") == "1");
  ::close(holder);
  ::close(waiting);
}

TEST_CASE("a new index on disk is picked up; a broken one keeps the old serving") {
  TempDir dir;
  REQUIRE(run(quote(binary()) + " index --db " + quote(dir / "db") + " " +
              quote(fixture("search") / "xiaoqu"))
              .exitCode == 0);
  ServerProcess server(
      {"--db", (dir / "db").string(), "--web", fixtureServer().web.string(), "--quiet"});
  httplib::Client client("127.0.0.1", server.port());
  CHECK(json::parse(client.Get("/api/manuals")->body)["manuals"].size() == 1);
  // Asked before the new index: no answer yet, and that response is now in the cache.
  const std::string trapped = "/api/search?q=" + encode("轿厢");
  CHECK(json::parse(client.Get(trapped)->body)["hits"].empty());
  REQUIRE(run(quote(binary()) + " index --db " + quote(dir / "db") + " " + quote(fixture("search")))
              .exitCode == 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(1200));
  CHECK(json::parse(client.Get("/api/manuals")->body)["manuals"].size() == 2);
  // The cached response belonged to the old index; the new one answers.
  const json found = json::parse(client.Get(trapped)->body);
  REQUIRE_FALSE(found["hits"].empty());
  CHECK(found["hits"][0]["manual"] == "jinji");
  // Content with an error is not indexed; the index being served stays.
  fs::create_directories(dir / "broken" / "m");
  std::ofstream(dir / "broken" / "m" / "index.md") << "# 手册\n";
  std::ofstream(dir / "broken" / "m" / "01.md") << "没有章标题\n";
  const CommandResult failed =
      run(quote(binary()) + " index --db " + quote(dir / "db") + " " + quote(dir / "broken"));
  CHECK(failed.exitCode == 1);
  CHECK(failed.output.find("m/01.md:1: error:") != std::string::npos);
  std::this_thread::sleep_for(std::chrono::milliseconds(1200));
  CHECK(json::parse(client.Get("/api/manuals")->body)["manuals"].size() == 2);
}
