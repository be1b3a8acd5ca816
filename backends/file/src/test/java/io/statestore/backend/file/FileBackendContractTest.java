package io.statestore.backend.file;

import io.statestore.spi.StateBackend;
import io.statestore.testkit.BackendContractTest;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The backend contract on the default posix layout, with fsync on as in production. */
class FileBackendContractTest extends BackendContractTest {
  @TempDir Path dir;

  @Override
  protected StateBackend createBackend() {
    return FileBackend.open(TestDirs.existing(dir.resolve("store")), FileLayout.POSIX, true);
  }

  @Override
  protected StateBackend openAgain() {
    return FileBackend.open(dir.resolve("store"), FileLayout.POSIX, true);
  }
}
