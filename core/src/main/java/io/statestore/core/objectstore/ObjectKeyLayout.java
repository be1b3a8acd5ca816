package io.statestore.core.objectstore;

import io.statestore.spi.ObjectKind;
import io.statestore.spi.StateIdRule;
import java.nio.charset.StandardCharsets;

/**
 * Meltano's object layout in a bucket or container: {@code <prefix>/<state_id>/state.json} and
 * {@code <prefix>/<state_id>/lock}, or {@code <state_id>/state.json} without a prefix. Shared by
 * the object store backends so that each keeps Meltano's layout the same way.
 */
public final class ObjectKeyLayout {
  private final String base;

  /**
   * @param prefix the key prefix without leading or trailing {@code /}, possibly empty
   */
  public ObjectKeyLayout(String prefix) {
    this.base = prefix.isEmpty() ? "" : prefix + "/";
  }

  /**
   * The ids this layout can hold in a store whose keys are at most {@code maxKey} long: no {@code
   * /} (Meltano's listing takes the last folder of a key as its id, so it could not list one), not
   * {@code .} or {@code ..} (dot segments of a URL path), no control characters (object listings
   * cannot carry every one), and short enough that {@code <prefix>/<id>/state.json} fits.
   *
   * @param store what the store is, for messages
   * @param maxKey the longest key
   * @param inBytes whether {@code maxKey} counts UTF-8 bytes (S3, Cloud Storage) or characters
   *     (Azure)
   */
  public StateIdRule idRule(String store, int maxKey, boolean inBytes) {
    String longest = key("", ObjectKind.STATE);
    int room =
        maxKey - (inBytes ? longest.getBytes(StandardCharsets.UTF_8).length : longest.length());
    String why =
        "a key <prefix>/<state_id>/state.json is at most "
            + maxKey
            + (inBytes ? " bytes of UTF-8" : " characters");
    StateIdRule rule =
        StateIdRule.anyText(store)
            .notNamed(".", "a URL path would drop it")
            .notNamed("..", "a URL path would resolve it")
            .without('/', "Meltano lists only the last folder of a key as its state id")
            .withoutControlCharacters("object listings cannot carry every one");
    return inBytes ? rule.withMaxUtf8Bytes(room, why) : rule.withMaxChars(room, why);
  }

  /** The key of one object. */
  public String key(String stateId, ObjectKind kind) {
    return base + stateId + "/" + kind.fileName();
  }

  /** The key prefix under which every object of ids starting with {@code idPrefix} lies. */
  public String listPrefix(String idPrefix) {
    return base + idPrefix;
  }

  /**
   * The state id of a listed key when it is an object of {@code kind} in this layout; {@code null}
   * for anything else (deeper keys, other file names, keys outside the prefix).
   */
  public String stateId(String key, ObjectKind kind) {
    String suffix = "/" + kind.fileName();
    if (!key.startsWith(base) || !key.endsWith(suffix)) {
      return null;
    }
    int end = key.length() - suffix.length();
    if (end <= base.length()) {
      return null;
    }
    String id = key.substring(base.length(), end);
    return id.indexOf('/') >= 0 ? null : id;
  }
}
