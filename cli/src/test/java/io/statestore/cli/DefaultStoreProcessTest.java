package io.statestore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default store through the launcher, as a user meets it: one store per user whatever the
 * working directory, created by the first write only, named by {@code info} and {@code --verbose}
 * and by the SQL prompt, and an old {@code ./.statestore/} pointed out with how to move it.
 */
class DefaultStoreProcessTest {
  private static final String BODY =
      "{\"completed\": {\"singer_state\": {\"bookmarks\": {\"users\": 1}}}, \"partial\": {}}";

  @TempDir Path dir;

  private Path cwd(String name) throws Exception {
    return Files.createDirectories(dir.resolve(name));
  }

  @Test
  void oneStoreFromEveryDirectoryThatOnlyTheFirstWriteCreates() throws Exception {
    Path home = dir.resolve("data").resolve("statestore");
    Launcher l = new Launcher(dir.resolve("launcher")).env("STATESTORE_HOME", home.toString());
    Path a = cwd("a");
    Path b = cwd("b");

    Launcher.Run list = l.run(a, "", "list");
    assertEquals(0, list.status(), list.toString());
    assertEquals("", list.out(), list.toString());
    assertTrue(
        list.err().contains("the default store " + home + " does not exist yet"), list.err());
    Launcher.Run info = l.run(a, "", "info");
    assertEquals(0, info.status(), info.toString());
    assertTrue(info.out().contains("location  " + home + " (from STATESTORE_HOME)"), info.out());
    assertTrue(info.out().contains("exists    no"), info.out());
    assertFalse(Files.exists(dir.resolve("data")), "a read created the store");

    Launcher.Run set = l.run(a, "", "set", "dev:a", BODY);
    assertEquals(0, set.status(), set.toString());
    assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(home));

    Launcher.Run other = l.run(b, "", "--verbose", "list");
    assertEquals(0, other.status(), other.toString());
    assertEquals("dev:a\n", other.out(), other.toString());
    assertTrue(other.err().contains("statestore: store (default) (" + home + ")"), other.err());
    assertFalse(Files.exists(a.resolve(".statestore")) || Files.exists(b.resolve(".statestore")));

    Launcher.Run json = l.run(b, "", "info", "--format", "json");
    assertTrue(json.out().contains("\"exists\": true, \"states\": 1, \"locks\": 0"), json.out());
  }

  @Test
  void homeComesFromThePropertyThenStatestoreHomeThenXdgThenTheUsersHome() throws Exception {
    Path cwd = cwd("w");
    Launcher l =
        new Launcher(dir.resolve("launcher")).env("JAVA_OPTS", "-Duser.home=" + dir.resolve("u"));
    assertEquals(0, l.run(cwd, "", "set", "dev:u", BODY).status());
    assertTrue(Files.exists(dir.resolve("u/.statestore/statestore.mv.db")), "~/.statestore");

    l.env("XDG_DATA_HOME", dir.resolve("x").toString());
    assertEquals(0, l.run(cwd, "", "set", "dev:x", BODY).status());
    assertTrue(Files.exists(dir.resolve("x/statestore/statestore.mv.db")), "XDG_DATA_HOME");

    l.env("STATESTORE_HOME", dir.resolve("e").toString());
    assertEquals(0, l.run(cwd, "", "set", "dev:e", BODY).status());
    assertTrue(Files.exists(dir.resolve("e/statestore.mv.db")), "STATESTORE_HOME");

    // The system property wins (one JVM's choice, e.g. a SQL client's). A collector chosen in
    // JAVA_OPTS replaces the launcher's serial one (two would stop the JVM).
    l.env("JAVA_OPTS", "-XX:+UseG1GC -Dstatestore.home=" + dir.resolve("p"));
    Launcher.Run r = l.run(cwd, "", "list");
    assertEquals(0, r.status(), r.toString());
    assertEquals("", r.out(), "statestore.home wins: " + r);
    assertFalse(Files.exists(dir.resolve("p")), "a read created the store");
    assertFalse(Files.exists(cwd.resolve(".statestore")));
  }

  @Test
  void anOldStoreInTheWorkingDirectoryIsPointedOutWithACommandThatMovesIt() throws Exception {
    Path project = cwd("project");
    Launcher old =
        new Launcher(dir.resolve("launcher"))
            .env("STATESTORE_HOME", project.resolve(".statestore").toString());
    assertEquals(0, old.run(project, "", "set", "dev:old", BODY).status());

    Launcher now =
        new Launcher(dir.resolve("launcher2"))
            .env("STATESTORE_HOME", dir.resolve("home").toString());
    Launcher.Run list = now.run(project, "", "list");
    assertEquals(0, list.status(), list.toString());
    assertEquals("", list.out(), list.toString());
    assertEquals(1, list.err().split("statestore: warning: ", -1).length - 1, list.err());
    assertTrue(list.err().contains(project.resolve(".statestore") + " holds one"), list.err());
    Matcher m = Pattern.compile("'statestore (migrate [^']+)'").matcher(list.err());
    assertTrue(m.find(), list.err());

    Launcher.Run migrate = now.run(project, "", m.group(1).split(" "));
    assertEquals(0, migrate.status(), migrate.toString());
    Launcher.Run after = now.run(cwd("elsewhere"), "", "list");
    assertEquals("dev:old\n", after.out(), after.toString());
    assertEquals("", after.err(), "no warning outside the old project: " + after);
  }

  @Test
  void theSqlPromptOnATerminalNamesTheStore() throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/script"))
            || Files.isExecutable(Path.of("/bin/script")),
        "script(1) (util-linux) is not installed; .ci/run installs it");
    Path home = dir.resolve("home");
    Launcher l = new Launcher(dir.resolve("launcher")).env("STATESTORE_HOME", home.toString());
    Path cwd = cwd("w");
    assertEquals(0, l.run(cwd, "", "set", "dev:tty", BODY).status());
    Launcher.Run r = l.runInTerminal(cwd, "SELECT state_id FROM state;\n!quit\n", "sql");
    assertEquals(0, r.status(), r.toString());
    assertTrue(r.out().contains("statestore(" + home + ")> "), r.toString());
    assertTrue(r.out().contains("| dev:tty"), r.toString());
    assertTrue(r.out().contains("1 row selected"), r.toString());
  }
}
