package io.statestore.core.objectstore;

import io.statestore.spi.ListedState;
import java.util.Iterator;
import java.util.TreeMap;

/**
 * Turns an object store listing in key order into one in state id order ({@link String#compareTo}),
 * lazily.
 *
 * <p>Object stores list {@code <id>/state.json} in the order of the key, which is the order of
 * {@code id + "/"}: S3 compares UTF-8 bytes (code points), Azurite UTF-16 code units, and Azure
 * documents only "lexicographic" order. Either way the listing differs from id order in two cases
 * only:
 *
 * <ul>
 *   <li>an id {@code g} that is a prefix of another id {@code e} whose next character sorts before
 *       {@code /} ({@code ' '} to {@code '.'}, e.g. {@code dev:tap} and {@code dev:tap-x}): {@code
 *       dev:tap-x/} is listed before {@code dev:tap/};
 *   <li>in code point (UTF-8) order only: ids that differ first in a supplementary character (an
 *       emoji) against one in U+E000 to U+FFFF, which code point order sorts the other way round.
 * </ul>
 *
 * An entry is therefore held back only until the listing has passed, in both orders, every name
 * that could still sort before it: for {@code dev:tap-x}, until past {@code dev:tap/}. Ids sharing
 * such a prefix are buffered together (ids only, never bodies); other ids pass straight through.
 */
public final class IdOrder extends Lookahead<ListedState> {
  private final Iterator<ListedState> source;
  private final int from;
  private final TreeMap<String, ListedState> pending = new TreeMap<>();
  private String lastKey;

  /**
   * @param source entries in the order of {@code stateId + "/"}, by UTF-16 code unit or by code
   *     point
   * @param idPrefix the prefix every listed id starts with (ids that do not start with it cannot
   *     turn up, so they need not be waited for)
   */
  public IdOrder(Iterator<ListedState> source, String idPrefix) {
    this.source = source;
    this.from = idPrefix.length();
  }

  @Override
  protected ListedState advance() {
    while (true) {
      if (!pending.isEmpty() && (lastKey == null || isSafe(pending.firstKey(), lastKey, from))) {
        return pending.pollFirstEntry().getValue();
      } else if (source.hasNext()) {
        ListedState s = source.next();
        pending.put(s.stateId(), s);
        lastKey = s.stateId() + "/";
      } else if (!pending.isEmpty()) {
        lastKey = null; // the listing is over: everything held back is in order now
      } else {
        return null;
      }
    }
  }

  /**
   * Whether no name listed after {@code lastKey} can belong to an id that sorts before {@code id}
   * and shares its first {@code from} characters, whichever of the two orders the listing is in.
   */
  public static boolean isSafe(String id, String lastKey, int from) {
    for (int i = from; i < id.length(); i++) {
      char c = id.charAt(i);
      if (i > 0 && c < '/') {
        // The id id[0, i) would be listed as id[0, i) + "/", after this one.
        String shorter = id.substring(0, i) + "/";
        if (lastKey.compareTo(shorter) < 0 || compareCodePoints(lastKey, shorter) < 0) {
          return false;
        }
      } else if (c >= '\uE000') {
        // In code point order, an id id[0, i) + <supplementary character> + ... would be listed
        // after this one.
        String shared = id.substring(0, i);
        if (lastKey.startsWith(shared) || compareCodePoints(lastKey, shared) < 0) {
          return false;
        }
      }
    }
    return true;
  }

  /** Compares by code point, which is the order of the strings' UTF-8 bytes. */
  public static int compareCodePoints(String a, String b) {
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
