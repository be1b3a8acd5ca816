package io.statestore.core.objectstore;

import io.statestore.spi.ObjectKind;

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
