package io.statestore.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the default store lives: one directory per user, whatever the working directory. */
class DefaultStoreHomeTest {
  private static final Map<String, String> PROPS =
      Map.of("user.home", "/home/ann", "user.dir", "/home/ann/pipelines");

  private static DefaultStoreHome.Resolved resolve(Map<String, String> env, Map<String, String> p) {
    return DefaultStoreHome.resolve(env::get, p::get);
  }

  private static Map<String, String> props(String key, String value) {
    Map<String, String> p = new java.util.HashMap<>(PROPS);
    p.put(key, value);
    return p;
  }

  @Test
  void defaultIsDotStatestoreInTheUsersHomeNotTheWorkingDirectory() {
    DefaultStoreHome.Resolved r = resolve(Map.of(), PROPS);
    assertEquals(Path.of("/home/ann/.statestore"), r.path());
    assertEquals("user home", r.source());
  }

  @Test
  void xdgDataHomeWhenAbsolute() {
    assertEquals(
        Path.of("/data/ann/statestore"),
        resolve(Map.of("XDG_DATA_HOME", "/data/ann"), PROPS).path());
    // The XDG specification ignores a relative XDG_DATA_HOME.
    assertEquals(
        Path.of("/home/ann/.statestore"), resolve(Map.of("XDG_DATA_HOME", "data"), PROPS).path());
  }

  @Test
  void propertyWinsOverEnvironmentWhichWinsOverXdg() {
    Map<String, String> env = Map.of("STATESTORE_HOME", "/srv/state", "XDG_DATA_HOME", "/data");
    Map<String, String> p = props("statestore.home", "/opt/state");
    assertEquals(
        new DefaultStoreHome.Resolved(Path.of("/opt/state"), "statestore.home"), resolve(env, p));
    assertEquals(
        new DefaultStoreHome.Resolved(Path.of("/srv/state"), "STATESTORE_HOME"),
        resolve(env, props("statestore.home", " ")));
  }

  @Test
  void relativeAndTildePathsAreMadeAbsolute() {
    assertEquals(Path.of("/home/ann/st"), resolve(Map.of("STATESTORE_HOME", "~/st"), PROPS).path());
    assertEquals(
        Path.of("/home/ann/pipelines/st"),
        resolve(Map.of(), props("statestore.home", "st/./")).path());
  }

  @Test
  void anOldDefaultStoreInTheWorkingDirectoryIsFound(@TempDir Path dir) throws Exception {
    Path inUse = dir.resolve("home");
    assertEquals(Optional.empty(), DefaultStoreHome.legacy(dir, inUse), "no old store");
    Path old = Files.createDirectories(dir.resolve(".statestore"));
    assertEquals(Optional.empty(), DefaultStoreHome.legacy(dir, inUse), "an empty directory");
    Files.createFile(old.resolve("statestore.mv.db"));
    assertEquals(Optional.of(old), DefaultStoreHome.legacy(dir, inUse));
    assertEquals(Optional.empty(), DefaultStoreHome.legacy(dir, old), "the one in use");
    String warning = DefaultStoreHome.legacyWarning(old, inUse);
    assertTrue(warning.contains("statestore migrate systemdb:jdbc:h2:file:" + old), warning);
    assertTrue(warning.contains("mv " + old + " " + inUse), warning);
  }
}
