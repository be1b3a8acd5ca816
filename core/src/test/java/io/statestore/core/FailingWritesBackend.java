package io.statestore.core;

import io.statestore.core.memory.MemoryBackend;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.ListedState;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.Precondition;
import io.statestore.spi.StateBackend;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.StoredObject;
import io.statestore.spi.Version;
import java.time.Clock;
import java.util.Optional;
import java.util.stream.Stream;

/** A memory store whose writes of one object kind fail with a chosen error kind while armed. */
final class FailingWritesBackend implements StateBackend {
  final MemoryBackend inner = new MemoryBackend("failing", Clock.systemUTC());
  volatile ErrorKind failWith;
  volatile ObjectKind failKind = ObjectKind.STATE;

  @Override
  public Optional<StoredObject> read(String stateId, ObjectKind kind) {
    return inner.read(stateId, kind);
  }

  @Override
  public Stream<ListedState> list(ObjectKind kind, String prefix) {
    return inner.list(kind, prefix);
  }

  @Override
  public Version write(String stateId, ObjectKind kind, byte[] content, Precondition p) {
    ErrorKind f = failWith;
    if (f != null && kind == failKind) {
      throw new StateStoreException(f, "injected " + f + " writing the " + kind + " object");
    }
    return inner.write(stateId, kind, content, p);
  }

  @Override
  public boolean delete(String stateId, ObjectKind kind, Precondition p) {
    return inner.delete(stateId, kind, p);
  }

  @Override
  public String describe() {
    return "failing test store";
  }
}
