package io.statestore.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the warnings of one statement's reads, such as a stored body that is not a valid state
 * document and is returned as stored.
 *
 * <p>A caller (the JDBC driver, per statement) makes one collector and {@link #enter enters} it
 * around every call that may read states on the current thread; {@link StateStore} {@link #report
 * reports} into the collector entered on its thread, if any. Warnings are also logged, so a read
 * outside any collector is never silent. At most {@value #MAX_MESSAGES} messages are kept.
 */
public final class ReadWarnings {
  /** How many messages one collector keeps; later ones are counted only. */
  static final int MAX_MESSAGES = 100;

  private static final ThreadLocal<ReadWarnings> CURRENT = new ThreadLocal<>();

  private final List<String> messages = new ArrayList<>();
  private int dropped;

  /** Enters this collector on the current thread until the returned scope is closed. */
  public WarningScope enter() {
    ReadWarnings previous = CURRENT.get();
    CURRENT.set(this);
    return () -> {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    };
  }

  /**
   * The collector entered on the current thread, or {@code null}: for work handed to another thread
   * on the statement's behalf, which {@link #enter enters} it there.
   */
  public static ReadWarnings current() {
    return CURRENT.get();
  }

  /** Adds a warning to the collector entered on the current thread, if any. */
  public static void report(String message) {
    ReadWarnings current = CURRENT.get();
    if (current != null) {
      current.add(message);
    }
  }

  private synchronized void add(String message) {
    if (messages.contains(message)) {
      return;
    }
    if (messages.size() < MAX_MESSAGES) {
      messages.add(message);
    } else {
      dropped++;
    }
  }

  /** The warnings collected so far, oldest first, with a last line counting any not kept. */
  public synchronized List<String> messages() {
    List<String> out = new ArrayList<>(messages);
    if (dropped > 0) {
      out.add(dropped + " more warnings of the same kind were not kept; see the log");
    }
    return out;
  }

  /** Forgets the warnings collected so far. */
  public synchronized void clear() {
    messages.clear();
    dropped = 0;
  }
}
