package io.compose4j.docker;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A Docker engine that answers fixed JSON over HTTP on a local TCP port (tcp://127.0.0.1:PORT). */
final class FakeEngine implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, Answer> answers = new HashMap<>();
  final List<String> asked = new CopyOnWriteArrayList<>();

  record Answer(int status, String body) {}

  FakeEngine() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        ex -> {
          String path = ex.getRequestURI().getPath().replaceFirst("^/v[0-9.]+", "");
          asked.add(ex.getRequestMethod() + " " + path);
          Answer a =
              answers.getOrDefault(path, new Answer(404, "{\"message\":\"page not found\"}"));
          byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().add("Content-Type", "application/json");
          ex.sendResponseHeaders(a.status(), body.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  FakeEngine answer(String path, String json) {
    return answer(path, 200, json);
  }

  FakeEngine answer(String path, int status, String json) {
    answers.put(path, new Answer(status, json));
    return this;
  }

  String host() {
    return "tcp://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
