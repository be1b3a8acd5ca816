package io.statestore.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Secrets given to the command never appear in its output, at any log level. */
class CliSecretsTest {
  private static final String KEY_ID = "AKIDSENTINEL4711";
  private static final String SECRET = "SeCrEtSeNtInEl0815";

  @TempDir Path dir;

  @Test
  void aMalformedPropertyIsNotEchoed() {
    for (List<String> prop :
        List.of(
            List.of("-p", "s3.aws_secret_access_key:" + SECRET),
            List.of("--property", "s3.aws_secret_access_key:" + SECRET),
            List.of("--property=s3.aws_secret_access_key:" + SECRET),
            List.of("-ps3.aws_secret_access_key:" + SECRET))) {
      List<String> args = new ArrayList<>(List.of("get", "dev:a", "--store", "s3://b/p"));
      args.addAll(prop);
      CliRun run = CliRun.run(args.toArray(new String[0]));
      assertNotEquals(0, run.status(), run.toString());
      assertFalse(run.err().contains(SECRET), run.toString());
      assertFalse(run.out().contains(SECRET), run.toString());
      assertTrue(run.err().contains("--property"), run.toString());
    }
  }

  @Test
  @Timeout(120)
  void debugLoggingShowsNoCredentialOfAnS3Request() throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    AtomicInteger requests = new AtomicInteger();
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          byte[] body =
              "<Error><Code>AccessDenied</Code><Message>no</Message></Error>"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(403, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      Path err = dir.resolve("stderr.txt");
      Process p =
          new ProcessBuilder(
                  java.toString(),
                  "-Dorg.slf4j.simpleLogger.defaultLogLevel=debug",
                  "-cp",
                  System.getProperty("java.class.path"),
                  StatestoreCommand.class.getName(),
                  "get",
                  "dev:a",
                  "--store",
                  "s3://bucket/prefix",
                  "-p",
                  "s3.endpoint_url=http://127.0.0.1:" + server.getAddress().getPort(),
                  "-p",
                  "s3.path_style=true",
                  "-p",
                  "s3.region=us-east-1",
                  "-p",
                  "s3.aws_access_key_id=" + KEY_ID,
                  "-p",
                  "s3.aws_secret_access_key=" + SECRET,
                  "-p",
                  "fallback_dir=off")
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(err.toFile())
              .start();
      assertTrue(p.waitFor(90, TimeUnit.SECONDS), "the command ends");
      String output = Files.readString(err);
      assertTrue(requests.get() > 0, "a request reached the store: " + output);
      assertTrue(output.contains("DEBUG"), "debug logging is on: " + output);
      assertFalse(output.contains(KEY_ID), output);
      assertFalse(output.contains(SECRET), output);
    } finally {
      server.stop(0);
    }
  }
}
