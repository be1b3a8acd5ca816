package io.statestore.backend.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.core.Deadline;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateBackend;
import io.statestore.spi.StateStoreException;
import io.statestore.testkit.BackendContractTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backend contract on the base64 layout (Meltano on Windows), with fsync off so both settings
 * are exercised.
 */
class Base64FileBackendContractTest extends BackendContractTest {
  @TempDir Path dir;

  @Override
  protected StateBackend createBackend() {
    return FileBackend.open(TestDirs.existing(dir.resolve("store")), FileLayout.BASE64, false);
  }

  @Override
  protected StateBackend openAgain() {
    return FileBackend.open(dir.resolve("store"), FileLayout.BASE64, false);
  }

  @Test
  void idsUpTo189BytesFitTheLayout() {
    store.upsert("y".repeat(189), doc("1"), Deadline.none());
    assertTrue(store.get("y".repeat(189)).isPresent());
    StateStoreException e =
        assertThrows(
            StateStoreException.class,
            () -> store.upsert("y".repeat(190), doc("1"), Deadline.none()));
    assertEquals(ErrorKind.INVALID_INPUT, e.kind());
    assertTrue(e.getMessage().contains("the limit is 189"), e.getMessage());
  }
}
