package io.statestore.backend.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.core.Deadline;
import io.statestore.core.LockInfo;
import io.statestore.core.StateLock;
import io.statestore.core.StateRecord;
import io.statestore.core.StateStore;
import io.statestore.core.StateStores;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.ListedState;
import io.statestore.spi.StateStoreException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability with Meltano's local filesystem state backend, byte for byte: the fixtures are
 * written exactly as Meltano writes them ({@code json.dumps} of the state, {@code
 * str(datetime.now(timezone.utc).timestamp())} for the lock, no trailing newline), at the paths
 * Meltano uses ({@code os.path.join(state_dir, state_id, "state.json")}, or the id's {@code
 * b64encode} on Windows).
 */
class MeltanoFileFormatTest {
  private static final String ID = "dev:tap-github-to-target-postgres";

  /** {@code json.dumps} of a state holding non-ASCII text and a float, as Meltano writes it. */
  private static final String MELTANO_STATE =
      "{\"completed\": {\"singer_state\": {\"bookmarks\": {\"issues\": {\"replication_key\":"
          + " \"updated_at\", \"replication_key_value\": \"2024-08-07T19:26:40Z\"}, \"users\":"
          + " {\"name\": \"Zo\\u00eb \\u2013 \\u65e5\\u672c \\ud83d\\ude00\", \"n\": 12.5}}}},"
          + " \"partial\": {}}";

  /** A lock Meltano took at 2024-08-07T19:26:40.123456Z: long stale. */
  private static final String MELTANO_STALE_LOCK = "1723058800.123456";

  @TempDir Path dir;

  private StateStore store;

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  private StateStore open(String layout) {
    store = StateStores.open("file://" + dir, Map.of("file.layout", layout));
    return store;
  }

  private static void writeAsMeltano(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, text.getBytes(StandardCharsets.US_ASCII));
  }

  private List<String> listed() {
    try (Stream<ListedState> s = store.list("")) {
      return s.map(ListedState::stateId).collect(Collectors.toList());
    }
  }

  private Set<String> rootEntries() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
  }

  private static Set<String> entries(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
  }

  @Test
  void readsTheStateMeltanoWrote() throws IOException {
    Path file = dir.resolve(ID).resolve("state.json");
    writeAsMeltano(file, MELTANO_STATE);
    open("posix");

    StateRecord r = store.get(ID).orElseThrow();
    assertEquals(MELTANO_STATE, r.bodyText());
    assertEquals(Files.getLastModifiedTime(file).toInstant(), r.updatedAt());
    assertEquals(List.of(ID), listed());
  }

  @Test
  void writesByteForByteWhatMeltanoWrites() throws IOException {
    open("posix");
    store.upsert(
        ID,
        "{\"partial\":{},\"completed\":{\"singer_state\":{\"bookmarks\":{\"issues\":"
            + "{\"replication_key\":\"updated_at\",\"replication_key_value\":"
            + "\"2024-08-07T19:26:40Z\"},\"users\":{\"name\":\"Zoë – 日本 😀\",\"n\":12.5}}}}}",
        Deadline.none());

    Path stateDir = dir.resolve(ID);
    assertEquals(MELTANO_STATE, Files.readString(stateDir.resolve("state.json")));
    assertEquals(Set.of("state.json"), entries(stateDir), "no lock or temporary file is left");
  }

  @Test
  void layoutIsMeltanosExactPaths() throws IOException {
    open("posix");
    store.upsert(ID, MELTANO_STATE, Deadline.none());
    store.upsert("prod:tap-x-to-target-y", MELTANO_STATE, Deadline.none());

    assertTrue(Files.isRegularFile(dir.resolve(ID).resolve("state.json")));
    assertTrue(Files.isRegularFile(dir.resolve("prod:tap-x-to-target-y").resolve("state.json")));
    // The guard is a hidden file: Meltano's glob("*/state.json") never sees it.
    assertEquals(Set.of(ID, "prod:tap-x-to-target-y", StoreGuard.FILE_NAME), rootEntries());

    try (StateLock lock = store.lock(ID, Deadline.none())) {
      assertEquals(ID, lock.stateId());
      Path lockFile = dir.resolve(ID).resolve("lock");
      String text = Files.readString(lockFile, StandardCharsets.US_ASCII);
      assertTrue(text.matches("\\d{10}\\.\\d{1,6}"), "Python's float() reads it: " + text);
      Instant at =
          Instant.ofEpochSecond(0)
              .plusNanos(new BigDecimal(text).movePointRight(9).longValueExact());
      assertTrue(Duration.between(at, Instant.now()).abs().toSeconds() < 5, text);
    }
    assertFalse(Files.exists(dir.resolve(ID).resolve("lock")), "lock removed on release");

    assertTrue(store.delete(ID, null, Deadline.none()));
    assertFalse(Files.exists(dir.resolve(ID)), "the emptied state directory is removed");
  }

  @Test
  void freshMeltanoLockIsRespected() throws IOException {
    writeAsMeltano(dir.resolve(ID).resolve("state.json"), MELTANO_STATE);
    String now = pythonTimestamp(Instant.now());
    Path lockFile = dir.resolve(ID).resolve("lock");
    writeAsMeltano(lockFile, now);
    open("posix");

    StateStoreException e =
        assertThrows(
            StateStoreException.class,
            () ->
                store.upsert(
                    ID, "{\"completed\": {}}", Deadline.after(Duration.ofMillis(300), null)));
    assertEquals(ErrorKind.TIMEOUT, e.kind());
    assertEquals(now, Files.readString(lockFile), "Meltano's lock is left alone");
    assertEquals(MELTANO_STATE, store.get(ID).orElseThrow().bodyText(), "nothing written");
  }

  @Test
  void staleMeltanoLockIsTakenOver() throws IOException {
    writeAsMeltano(dir.resolve(ID).resolve("lock"), MELTANO_STALE_LOCK);
    open("posix");

    LockInfo info = store.lockInfo(ID, Deadline.none()).orElseThrow();
    assertEquals(Instant.parse("2024-08-07T19:26:40.123456Z"), info.lockedAt());

    store.upsert(ID, MELTANO_STATE, Deadline.after(Duration.ofSeconds(5), null));
    assertEquals(MELTANO_STATE, Files.readString(dir.resolve(ID).resolve("state.json")));
    assertFalse(Files.exists(dir.resolve(ID).resolve("lock")));
  }

  @Test
  void base64LayoutReadsAndWritesMeltanoOnWindowsPaths() throws IOException {
    // b64encode(state_id.encode()).decode(), as Meltano's WindowsFilesystemStateStoreManager.
    writeAsMeltano(
        dir.resolve("ZGV2OnRhcC1naXRodWItdG8tdGFyZ2V0LXBvc3RncmVz").resolve("state.json"),
        MELTANO_STATE);
    open("base64");

    assertEquals(MELTANO_STATE, store.get(ID).orElseThrow().bodyText());

    String unicodeId = "ümlaut-日本語-😀";
    store.upsert(unicodeId, MELTANO_STATE, Deadline.none());
    Path written = dir.resolve("w7xtbGF1dC3ml6XmnKzoqp4t8J+YgA==").resolve("state.json");
    assertEquals(MELTANO_STATE, Files.readString(written), "standard alphabet, padded");

    assertEquals(List.of(ID, unicodeId), listed());
    assertEquals(
        Set.of(
            "ZGV2OnRhcC1naXRodWItdG8tdGFyZ2V0LXBvc3RncmVz",
            "w7xtbGF1dC3ml6XmnKzoqp4t8J+YgA==",
            StoreGuard.FILE_NAME),
        rootEntries());
  }

  @Test
  void base64LayoutRefusesIdsMeltanoWouldNest() {
    open("base64");
    // b64encode(b"ab?x") == b"YWI/eA==": Meltano would write YWI/eA==/state.json.
    StateStoreException e =
        assertThrows(
            StateStoreException.class, () -> store.upsert("ab?x", MELTANO_STATE, Deadline.none()));
    assertEquals(ErrorKind.INVALID_INPUT, e.kind());
    assertTrue(e.getMessage().contains("'ab?x'") && e.getMessage().contains("YWI/eA=="));
    assertTrue(listed().isEmpty());
  }

  /** {@code str(float)} of an epoch time at microsecond precision, as Meltano writes a lock. */
  private static String pythonTimestamp(Instant at) {
    BigDecimal seconds =
        BigDecimal.valueOf(at.getEpochSecond()).add(BigDecimal.valueOf(at.getNano() / 1000, 6));
    String text = seconds.stripTrailingZeros().toPlainString();
    return text.contains(".") ? text : text + ".0";
  }
}
