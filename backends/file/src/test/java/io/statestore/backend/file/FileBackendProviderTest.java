package io.statestore.backend.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.core.BackendRegistry;
import io.statestore.core.Deadline;
import io.statestore.core.StateStore;
import io.statestore.core.StateStores;
import io.statestore.spi.Environment;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.Settings;
import io.statestore.spi.StateBackend;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.StoreLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code file:} URI rules, the settings, and discovery through {@link BackendRegistry}. */
class FileBackendProviderTest {
  private static final String DOC = "{\"completed\": {}, \"partial\": {}}";

  @TempDir Path dir;

  private static StateStoreException openFails(String uri, Map<String, String> settings) {
    return assertThrows(StateStoreException.class, () -> StateStores.open(uri, settings).close());
  }

  @Test
  void foundThroughTheServiceLoader() {
    assertInstanceOf(FileBackendProvider.class, BackendRegistry.load().provider("file"));
    try (StateStore store = StateStores.open("file://" + dir, Map.of())) {
      assertEquals("file://" + dir, store.describe());
      assertInstanceOf(FileBackend.class, store.backend());
      store.upsert("x", DOC, Deadline.none());
      assertTrue(Files.isRegularFile(dir.resolve("x").resolve("state.json")));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "file:rel",
        "file:./x",
        "file:../x",
        "file:~/state",
        "file://host/x",
        "file://localhost/var/state",
        "file://",
        "file:",
        "file:///",
        "file:///tmp/x#frag"
      })
  void malformedUrisAreRefusedNamingTheUri(String uri) {
    StateStoreException e = openFails(uri, Map.of());
    assertEquals(ErrorKind.INVALID_CONFIGURATION, e.kind());
    assertTrue(e.getMessage().contains("'" + uri + "'"), e.getMessage());
    assertTrue(e.getMessage().contains("file:///"), "shows the expected form: " + e.getMessage());
  }

  @Test
  void aQueryIsRefused() {
    StateStoreException viaStores = openFails("file://" + dir + "?foo=bar", Map.of());
    assertEquals(ErrorKind.INVALID_CONFIGURATION, viaStores.kind());
    assertTrue(viaStores.getMessage().contains("foo"), viaStores.getMessage());

    StoreLocation location = StoreLocation.parse("file://" + dir + "?foo=bar");
    Settings settings = new Settings(FileSettings.ALL, Map.of(), Environment.of(Map.of()));
    StateStoreException direct =
        assertThrows(
            StateStoreException.class, () -> new FileBackendProvider().open(location, settings));
    assertEquals(ErrorKind.INVALID_CONFIGURATION, direct.kind());
    assertTrue(direct.getMessage().contains("'file://" + dir + "'"), direct.getMessage());
  }

  @Test
  void settingsMayComeFromTheUriQuery() {
    try (StateStore store = StateStores.open("file://" + dir + "?file.layout=base64", Map.of())) {
      store.upsert("x", DOC, Deadline.none());
    }
    assertTrue(Files.isRegularFile(dir.resolve("eA==").resolve("state.json")));
  }

  @Test
  void badSettingValuesAreRefused() {
    assertEquals(
        ErrorKind.INVALID_CONFIGURATION,
        openFails("file://" + dir, Map.of("file.layout", "windows")).kind());
    assertEquals(
        ErrorKind.INVALID_CONFIGURATION,
        openFails("file://" + dir, Map.of("file.fsync", "maybe")).kind());
    assertEquals(
        ErrorKind.INVALID_CONFIGURATION,
        openFails("file://" + dir, Map.of("file.layuot", "posix")).kind());
  }

  @Test
  void meltanosPrefixedSettingNamesAreAccepted() {
    try (StateStore store =
        StateStores.open(
            "file://" + dir,
            Map.of("state_backend.file.layout", "base64", "file.fsync", "false"))) {
      assertEquals(FileLayout.BASE64, ((FileBackend) store.backend()).layout());
    }
  }

  @Test
  void aMissingDirectoryIsNeverCreatedByAReadAndTheFirstWriteCreatesItOwnerOnly()
      throws IOException {
    Path nested = dir.resolve("a").resolve("b").resolve("state");
    try (StateStore store = StateStores.open("file://" + nested, Map.of())) {
      assertEquals("file://" + nested, store.describe());
      StateBackend backend = store.backend();
      StateStoreException listed =
          assertThrows(
              StateStoreException.class,
              () -> backend.list(io.statestore.spi.ObjectKind.STATE, "").count());
      assertEquals(ErrorKind.INVALID_CONFIGURATION, listed.kind());
      assertTrue(listed.getMessage().contains(nested.toString()), listed.getMessage());
      assertTrue(backend.read("dev:a", io.statestore.spi.ObjectKind.STATE).isEmpty());
      assertFalse(Files.exists(dir.resolve("a")), "a read created the store directory");

      backend.write(
          "dev:a",
          io.statestore.spi.ObjectKind.STATE,
          DOC.getBytes(java.nio.charset.StandardCharsets.UTF_8),
          io.statestore.spi.Precondition.absent());
      assertTrue(Files.isDirectory(nested));
      assertEquals(
          "rwx------",
          java.nio.file.attribute.PosixFilePermissions.toString(
              Files.getPosixFilePermissions(dir.resolve("a"))));
      assertEquals(1, backend.list(io.statestore.spi.ObjectKind.STATE, "").count());
    }
  }

  @Test
  void pathsAreNormalizedAndTheOneSlashFormIsAccepted() {
    try (StateStore store = StateStores.open("file:" + dir + "/x/../y/", Map.of())) {
      assertEquals("file://" + dir.resolve("y"), store.describe());
    }
  }

  @Test
  void aFileWhereTheDirectoryShouldBeIsRefused() throws IOException {
    Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
    StateStoreException e = openFails("file://" + file, Map.of());
    assertEquals(ErrorKind.INVALID_CONFIGURATION, e.kind());
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
  }

  @Test
  void settingsAreDeclaredOnceWithDefaults() {
    FileBackendProvider p = new FileBackendProvider();
    assertEquals("file", p.scheme());
    assertFalse(p.keepsUnknownQueryParameters());
    assertEquals(FileSettings.ALL, p.settings());
    assertEquals("posix", FileSettings.LAYOUT.defaultValue());
    assertEquals(java.util.List.of("posix", "base64"), FileSettings.LAYOUT.choices());
    assertEquals("true", FileSettings.FSYNC.defaultValue());
    StateBackend b =
        p.open(
            StoreLocation.parse("file://" + dir),
            new Settings(FileSettings.ALL, Map.of(), Environment.of(Map.of())));
    assertEquals(FileLayout.POSIX, ((FileBackend) b).layout());
  }
}
