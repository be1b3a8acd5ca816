package io.statestore.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built bundle jar on its own: loaded the way a SQL client loads a driver jar (a fresh class
 * loader over the platform class loader, nothing else on its path), and run as a command.
 */
class BundleIT {
  private static Path jar;

  @TempDir Path dir;

  @BeforeAll
  static void findJar() throws IOException {
    jar = BundleJar.path();
    long size = Files.size(jar);
    String line = "Bundle jar: " + jar.getFileName() + ", " + size + " bytes";
    Files.writeString(
        jar.resolveSibling("bundle-size.txt"),
        line + System.lineSeparator(),
        StandardCharsets.UTF_8);
    System.out.println(line);
  }

  @Test
  void driverLoadsAloneAndRunsSqlOnAFileStore() throws Exception {
    try (URLClassLoader loader = BundleJar.isolatedLoader()) {
      Driver driver = BundleJar.driver(loader);

      String url = "jdbc:statestore:file://" + dir.toAbsolutePath();
      assertTrue(driver.acceptsURL(url));
      try (Connection c = driver.connect(url, new Properties())) {
        try (PreparedStatement insert =
            c.prepareStatement("INSERT INTO state (state_id, body) VALUES (?, ?)")) {
          for (String id : List.of("dev:a", "dev:b", "prod:a")) {
            insert.setString(1, id);
            insert.setString(
                2, "{\"completed\": {\"bookmark\": \"" + id + "-2024\"}, \"partial\": {}}");
            insert.executeUpdate();
          }
        }
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
            ResultSet rs =
                s.executeQuery(
                    "SELECT state_id, JSON_VALUE(body, '$.completed.bookmark') FROM state"
                        + " WHERE state_id LIKE 'dev:%' ORDER BY state_id")) {
          while (rs.next()) {
            rows.add(rs.getString(1) + "=" + rs.getString(2));
          }
        }
        assertEquals(List.of("dev:a=dev:a-2024", "dev:b=dev:b-2024"), rows);
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT COUNT(*) AS count FROM state;")) {
          assertTrue(rs.next(), "the SQL parser's Babel grammar is in the jar");
          assertEquals(3, rs.getInt("count"));
        }
      }
    }
    assertTrue(Files.isRegularFile(dir.resolve("dev:a").resolve("state.json")));
  }

  /**
   * The S3 and Azure SDKs, with their HTTP clients and Jackson relocated, build their clients and
   * send a request: against a closed port that request fails as a store error with a SQLState, not
   * as a class loading error, and the secret settings stay out of the message.
   */
  @Test
  void objectStoreBackendsRunFromTheJar() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Properties s3 = new Properties();
    s3.setProperty("s3.aws_access_key_id", "AKIDEXAMPLE");
    s3.setProperty("s3.aws_secret_access_key", "s3-secret-never-shown");
    s3.setProperty("s3.region", "us-east-1");
    s3.setProperty("s3.endpoint_url", "http://127.0.0.1:" + port);
    s3.setProperty("s3.path_style", "true");
    assertStoreError("jdbc:statestore:s3://bucket/prefix", s3, "s3-secret-never-shown");

    String key = "YXp1cmUtc2VjcmV0LW5ldmVyLXNob3du";
    Properties azure = new Properties();
    azure.setProperty(
        "azure.connection_string",
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey="
            + key
            + ";BlobEndpoint=http://127.0.0.1:"
            + port
            + "/devstoreaccount1;");
    assertStoreError("jdbc:statestore:azure://container/prefix", azure, key);

    Properties gcs = new Properties();
    gcs.setProperty("gcs.endpoint", "http://127.0.0.1:" + port);
    gcs.setProperty("gcs.project", "test-project");
    assertStoreError("jdbc:statestore:gs://bucket/prefix", gcs, "never-given");
  }

  private static void assertStoreError(String url, Properties props, String secret)
      throws Exception {
    BundleJar.assertConnectionError(url, props, secret, jar);
  }

  @Test
  void jarIsSelfContainedWithoutSignaturesOrLoggingBinding() throws IOException {
    try (JarFile j = new JarFile(jar.toFile())) {
      assertEquals(
          "io.statestore.cli.StatestoreCommand",
          j.getManifest().getMainAttributes().getValue("Main-Class"));
      String drivers = read(j, "META-INF/services/java.sql.Driver");
      assertTrue(drivers.contains("io.statestore.jdbc.StatestoreDriver"), drivers);
      String backends = read(j, "META-INF/services/io.statestore.spi.StateBackendProvider");
      for (String scheme : List.of("file", "systemdb", "s3", "azure", "gcs")) {
        assertTrue(backends.contains("." + scheme + "."), scheme + " in " + backends);
      }
      assertNull(j.getEntry("META-INF/services/org.slf4j.spi.SLF4JServiceProvider"));
      assertNull(j.getEntry("org/slf4j/simple/SimpleLogger.class"));
      assertNull(j.getEntry("com/fasterxml/jackson/databind/ObjectMapper.class"));
      assertNotNull(
          j.getEntry("io/statestore/shaded/com/fasterxml/jackson/databind/ObjectMapper.class"));
      assertNull(j.getEntry("com/google/common/collect/ImmutableList.class"));
      j.stream()
          .map(ZipEntry::getName)
          .filter(n -> n.startsWith("META-INF/") && n.matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)"))
          .findAny()
          .ifPresent(n -> assertFalse(true, "signature file " + n));
    }
  }

  @Test
  void commandRunsFromTheJar() throws Exception {
    Path store = dir.resolve("store");
    Files.createDirectories(store.resolve("dev:x"));
    Files.writeString(
        store.resolve("dev:x").resolve("state.json"),
        "{\"completed\": {}, \"partial\": {}}",
        StandardCharsets.UTF_8);
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "list",
                "--store",
                "file://" + store.toAbsolutePath())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertTrue(p.waitFor(2, TimeUnit.MINUTES));
    String stdout = Files.readString(out);
    String stderr = Files.readString(err);
    assertEquals(0, p.exitValue(), stdout + stderr);
    assertEquals("dev:x", stdout.strip());
    assertEquals("", stderr.strip());
  }

  @Test
  void launcherScriptRunsTheJar() throws Exception {
    Path script = Path.of(System.getProperty("statestore.launcher"));
    Path out = dir.resolve("version.txt");
    ProcessBuilder pb =
        new ProcessBuilder("sh", script.toString(), "--version")
            .redirectErrorStream(true)
            .redirectOutput(out.toFile());
    pb.environment().put("STATESTORE_JAR", jar.toString());
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process p = pb.start();
    assertTrue(p.waitFor(2, TimeUnit.MINUTES));
    String text = Files.readString(out);
    assertEquals(0, p.exitValue(), text);
    assertTrue(text.startsWith("statestore "), text);
  }

  /**
   * The README's command on Meltano's default system database, through the launcher and the bundle
   * alone, under {@code LC_ALL=C}: a project's {@code .meltano/meltano.db} as Meltano's migrations
   * leave it (the state table of migration 6828cc5b1a4f, alembic_version at the newest revision), a
   * state with a non-ASCII id written and read back, the relative URL as the README writes it.
   */
  @Test
  void launcherOpensMeltanosSqliteDatabaseUnderLcAllC() throws Exception {
    Path project = Files.createDirectories(dir.resolve("project").resolve(".meltano")).getParent();
    try (URLClassLoader loader =
            new URLClassLoader(
                new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        Connection c =
            ((Driver)
                    Class.forName("org.sqlite.JDBC", true, loader)
                        .getDeclaredConstructor()
                        .newInstance())
                .connect(
                    "jdbc:sqlite:" + project.resolve(".meltano/meltano.db"), new Properties());
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE state (state_id VARCHAR(900) NOT NULL, partial_state VARCHAR,"
              + " completed_state VARCHAR, updated_at DATETIME, PRIMARY KEY (state_id),"
              + " UNIQUE (state_id))");
      s.execute(
          "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL,"
              + " CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))");
      s.execute("INSERT INTO alembic_version VALUES ('c0efb3c314eb')");
    }
    String store = "systemdb:jdbc:sqlite:.meltano/meltano.db";
    String id = "dev:tap-café-to-target-東京";
    String body = "{\"completed\": {\"singer_state\": {}}, \"partial\": {}}";
    Path input = dir.resolve("state.json");
    Files.writeString(input, body, StandardCharsets.UTF_8);

    String set = launch(project, "set", id, "--input-file", input.toString(), "-s", store);
    assertEquals("Created state_id '" + id + "'", set.strip());
    assertEquals(id, launch(project, "list", "-s", store).strip());
    assertEquals(body, launch(project, "get", "--raw", id, "-s", store).strip());
  }

  @Test
  void meltanosDatabaseDriversAreInTheJar() throws IOException {
    try (JarFile j = new JarFile(jar.toFile())) {
      String drivers = read(j, "META-INF/services/java.sql.Driver");
      assertTrue(drivers.contains("org.sqlite.JDBC"), drivers);
      assertTrue(drivers.contains("org.postgresql.Driver"), drivers);
      assertNotNull(j.getEntry("org/sqlite/native/Linux/x86_64/libsqlitejdbc.so"));
    }
  }

  /** Runs the launcher in {@code cwd} with {@code LC_ALL=C}; its output, after exit status 0. */
  private String launch(Path cwd, String... args) throws Exception {
    Path script = Path.of(System.getProperty("statestore.launcher"));
    List<String> command = new ArrayList<>(List.of("sh", script.toString()));
    command.addAll(List.of(args));
    Path out = dir.resolve("launch.txt");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(cwd.toFile())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile());
    pb.environment().remove("LANG");
    pb.environment().remove("LC_CTYPE");
    pb.environment().put("LC_ALL", "C");
    pb.environment().put("STATESTORE_JAR", jar.toString());
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process p = pb.start();
    assertTrue(p.waitFor(2, TimeUnit.MINUTES));
    String text = Files.readString(out, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), String.join(" ", args) + "\n" + text);
    return text;
  }

  private static String read(JarFile j, String name) throws IOException {
    ZipEntry e = j.getEntry(name);
    assertNotNull(e, name);
    try (var in = j.getInputStream(e)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
