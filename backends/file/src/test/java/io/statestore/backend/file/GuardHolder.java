package io.statestore.backend.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A separate process for {@link StoreGuardProcessTest}: takes the OS lock on a store's guard file,
 * says so on standard output, and holds it until it is killed or its standard input closes.
 */
final class GuardHolder {
  private GuardHolder() {}

  public static void main(String[] args) throws IOException {
    Path guard = Path.of(args[0]);
    try (FileChannel channel =
        FileChannel.open(guard, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      channel.lock(); // held until the channel closes or the process dies
      System.out.println("locked");
      System.out.flush();
      while (System.in.read() >= 0) {
        // hold the lock until stdin closes or the process is killed
      }
    }
  }
}
