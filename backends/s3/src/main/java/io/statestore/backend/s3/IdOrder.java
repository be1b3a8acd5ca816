package io.statestore.backend.s3;

import io.statestore.spi.ListedState;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * Turns a listing in S3's key order into one in state id order ({@link String#compareTo}), lazily.
 *
 * <p>S3 lists {@code <id>/state.json} in UTF-8 byte order of the key, which is the order of {@code
 * id + "/"}. That differs from id order in two cases only:
 *
 * <ul>
 *   <li>an id {@code g} that is a prefix of another id {@code e} whose next character sorts before
 *       {@code /} ({@code ' '} to {@code '.'}, e.g. {@code dev:tap} and {@code dev:tap-x}): S3
 *       lists {@code dev:tap-x/} before {@code dev:tap/};
 *   <li>ids that differ first in a supplementary character (an emoji) against one in U+E000 to
 *       U+FFFF: UTF-8 sorts the first after, UTF-16 before.
 * </ul>
 *
 * An entry is therefore held back only until the listing has passed every key that could still sort
 * before it: for {@code dev:tap-x}, until past {@code dev:tap/}. Ids sharing such a prefix are
 * buffered together (ids only, never bodies); other ids pass straight through.
 */
final class IdOrder implements Iterator<ListedState> {
  private final Iterator<ListedState> source;
  private final TreeMap<String, ListedState> pending = new TreeMap<>();
  private String lastKey;
  private ListedState next;

  /**
   * @param source entries in the order of {@code stateId + "/"} as UTF-8 bytes
   */
  IdOrder(Iterator<ListedState> source) {
    this.source = source;
  }

  @Override
  public boolean hasNext() {
    while (next == null) {
      if (!pending.isEmpty() && (lastKey == null || isSafe(pending.firstKey(), lastKey))) {
        next = pending.pollFirstEntry().getValue();
      } else if (source.hasNext()) {
        ListedState s = source.next();
        pending.put(s.stateId(), s);
        lastKey = s.stateId() + "/";
      } else if (!pending.isEmpty()) {
        lastKey = null; // the listing is over: everything held back is in order now
      } else {
        return false;
      }
    }
    return true;
  }

  @Override
  public ListedState next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    ListedState out = next;
    next = null;
    return out;
  }

  /**
   * Whether no key listed after {@code lastKey} can belong to an id that sorts before {@code id}.
   */
  static boolean isSafe(String id, String lastKey) {
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (i > 0 && c < '/') {
        // The id id[0, i) would be listed as id[0, i) + "/", after this one.
        if (compareCodePoints(lastKey, id.substring(0, i) + "/") < 0) {
          return false;
        }
      } else if (c >= '\uE000') {
        // An id id[0, i) + <supplementary character> + ... would be listed after this one.
        String shared = id.substring(0, i);
        if (lastKey.startsWith(shared) || compareCodePoints(lastKey, shared) < 0) {
          return false;
        }
      }
    }
    return true;
  }

  /** Compares by code point, which is the UTF-8 byte order S3 lists keys in. */
  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
