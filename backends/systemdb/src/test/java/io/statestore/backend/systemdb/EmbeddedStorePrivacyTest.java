package io.statestore.backend.systemdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.statestore.core.Deadline;
import io.statestore.core.StateStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default store is private to the user who runs it: its directory is owner-only from
 * creation, its files are owner-only, H2's auto-server listens on loopback only, H2 writes no trace
 * file, and another local user ({@code nobody}) can neither read the files nor connect.
 */
class EmbeddedStorePrivacyTest {
  private static final String DOC =
      "{\"completed\": {\"secret\": \"s3cr3t-row\"}, \"partial\": {}}";

  @TempDir Path tmp;
  private Path open;
  private Path home;

  @BeforeEach
  void openParent() throws Exception {
    // A parent every user may enter, as a project directory usually is.
    open = Files.createDirectory(tmp.resolve("project"));
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
    home = open.resolve("nested").resolve(".statestore");
  }

  private static Set<PosixFilePermission> perms(Path p) throws Exception {
    return Files.getPosixFilePermissions(p);
  }

  @Test
  void directoryAndFilesAreOwnerOnlyAndNoTraceFileIsWritten() throws Exception {
    try (StateStore store = EmbeddedStores.open(home, "")) {
      store.upsert("dev:a", DOC, Deadline.none());
      assertEquals(PosixFilePermissions.fromString("rwx------"), perms(home));
      assertEquals(PosixFilePermissions.fromString("rwx------"), perms(home.getParent()));
      assertOwnerOnlyFiles();
      // An error H2 would trace to statestore.trace.db.
      try (var c = DriverManager.getConnection(store.describe().substring("systemdb:".length()))) {
        c.createStatement().execute("SELECT * FROM no_such_table");
      } catch (java.sql.SQLException expected) {
        // expected
      }
    }
    assertOwnerOnlyFiles();
    try (Stream<Path> files = Files.list(home)) {
      assertEquals(
          List.of(), files.filter(f -> f.toString().endsWith(".trace.db")).toList(), "trace");
    }
  }

  private void assertOwnerOnlyFiles() throws Exception {
    try (Stream<Path> files = Files.list(home)) {
      for (Path f : files.toList()) {
        assertEquals(PosixFilePermissions.fromString("rw-------"), perms(f), f.toString());
      }
    }
  }

  @Test
  void anExistingOpenHomeIsRestricted() throws Exception {
    Files.createDirectories(
        home, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
    try (StateStore store = EmbeddedStores.open(home, "")) {
      store.upsert("dev:a", DOC, Deadline.none());
    }
    assertEquals(PosixFilePermissions.fromString("rwx------"), perms(home));
    assertOwnerOnlyFiles();
  }

  /** The auto-server's address and port, from H2's lock file. */
  private String serverAddress() throws Exception {
    Properties lock = new Properties();
    try (var in = Files.newInputStream(home.resolve("statestore.lock.db"))) {
      lock.load(in);
    }
    String server = lock.getProperty("server");
    assertTrue(server != null && server.contains(":"), "lock file names the server: " + lock);
    return server;
  }

  /** Local addresses of listening TCP sockets on a port, as /proc/net/tcp{,6} shows them. */
  private static List<String> listeners(int port) throws Exception {
    List<String> out = new ArrayList<>();
    String hexPort = String.format(":%04X", port);
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path p = Path.of(table);
      if (!Files.exists(p)) {
        continue;
      }
      for (String line : Files.readAllLines(p)) {
        String[] f = line.trim().split("\\s+");
        if (f.length > 3 && f[1].endsWith(hexPort) && f[3].equals("0A")) {
          out.add(table + " " + f[1]);
        }
      }
    }
    return out;
  }

  @Test
  @Timeout(120)
  void autoServerListensOnLoopbackAndAnotherUserCanNeitherReadNorConnect() throws Exception {
    assumeTrue(Files.exists(Path.of("/proc/net/tcp")), "needs /proc/net/tcp");
    Path log = tmp.resolve("child.log");
    Process child = EmbeddedStores.startProcess(home, log);
    PrintStream in = new PrintStream(child.getOutputStream(), true, StandardCharsets.UTF_8);
    BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    try {
      assertEquals("ready", out.readLine(), () -> "child failed: " + read(log));
      in.println("put dev:a " + DOC);
      assertEquals("ok", out.readLine());
      String server = serverAddress();
      int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
      List<String> listening = listeners(port);
      assertFalse(listening.isEmpty(), "the auto-server listens on " + port);
      for (String l : listening) {
        assertTrue(
            l.contains("0100007F:") || l.contains("0000000000000000FFFF00000100007F:"),
            "listens on loopback only: " + listening);
      }
      assertOtherUserLockedOut();
      in.println("exit");
      assertEquals("bye", out.readLine());
    } finally {
      in.close();
      if (!child.waitFor(30, TimeUnit.SECONDS)) {
        child.destroyForcibly();
      }
    }
  }

  private void assertOtherUserLockedOut() throws Exception {
    Path setpriv = Path.of("/usr/bin/setpriv");
    boolean root = "root".equals(System.getProperty("user.name"));
    assumeTrue(root && Files.isExecutable(setpriv), "needs root and setpriv to act as nobody");
    for (String file : List.of("statestore.lock.db", "statestore.mv.db")) {
      Result r = asNobody("cat", home.resolve(file).toString());
      assertNotEquals(0, r.exit, file + " readable by nobody: " + r.output);
      assertTrue(r.output.contains("Permission denied"), r.output);
    }
    Result ls = asNobody("ls", home.toString());
    assertNotEquals(0, ls.exit, ls.output);
    // The way a local client connects: through the lock file, which nobody cannot read.
    Path jars = Files.createDirectory(tmp.resolve("jars"));
    Files.setPosixFilePermissions(jars, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path h2 =
        Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path copy = Files.copy(h2, jars.resolve("h2.jar"), StandardCopyOption.REPLACE_EXISTING);
    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
    Result connect =
        asNobody(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            copy.toString(),
            "org.h2.tools.Shell",
            "-url",
            "jdbc:h2:file:" + home.resolve("statestore") + ";AUTO_SERVER=TRUE;IFEXISTS=TRUE",
            "-sql",
            "SELECT * FROM state");
    assertFalse(connect.output.contains("s3cr3t-row"), connect.output);
    assertNotEquals(0, connect.exit, connect.output);
  }

  private record Result(int exit, String output) {}

  private Result asNobody(String... command) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of("/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
    cmd.addAll(List.of(command));
    Process p = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    return new Result(p.exitValue(), output);
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (Exception e) {
      return e.toString();
    }
  }
}
