package io.statestore.backend.file;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes a check-then-act on files (compare a version, then rename or delete) atomic against every
 * other statestore thread and process using the same store directory.
 *
 * <p>Two locks are taken, in this order: a JVM-wide {@link ReentrantLock} per guard file, then an
 * OS lock ({@link FileChannel#lock()}) on the hidden file {@value #FILE_NAME} at the store root.
 * The JVM lock comes first because OS locks are held per process: a second thread of the same JVM
 * would get an {@link java.nio.channels.OverlappingFileLockException} rather than wait. The channel
 * is opened and closed only while the JVM lock is held, since on some systems closing any channel
 * on a file releases all of the process's locks on it. The OS releases the lock when a process
 * dies, so a crash never leaves a stale guard. The guard is held only for the few system calls of
 * the check and the rename, never while a body is written or synced.
 */
final class StoreGuard {
  /** The guard file's name at the store root; hidden, and a file, so no listing shows it. */
  static final String FILE_NAME = ".statestore-guard";

  private static final ConcurrentMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

  private final Path root;
  private final Path file;
  private volatile ReentrantLock jvmLock;

  /**
   * @param root the store directory; it need not exist yet (nothing is created until a write)
   */
  StoreGuard(Path root) {
    this.root = root;
    this.file = root.resolve(FILE_NAME);
  }

  /** The JVM-wide lock of this store's guard file, found once the store directory exists. */
  private ReentrantLock jvmLock() throws IOException {
    ReentrantLock lock = jvmLock;
    if (lock == null) {
      lock =
          JVM_LOCKS.computeIfAbsent(root.toRealPath().resolve(FILE_NAME), k -> new ReentrantLock());
      jvmLock = lock;
    }
    return lock;
  }

  /** An action on files that may fail with an {@link IOException}. */
  @FunctionalInterface
  interface IoAction<T> {
    T run() throws IOException;
  }

  /** Runs an action while holding the guard. */
  <T> T call(IoAction<T> action) throws IOException {
    ReentrantLock jvmLock = jvmLock();
    try {
      jvmLock.lockInterruptibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StateStoreException(
          ErrorKind.CANCELLED, "Interrupted while waiting for the file store guard " + file, e);
    }
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      channel.lock(); // released when the channel closes, at the end of this block
      return action.run();
    } finally {
      jvmLock.unlock();
    }
  }
}
