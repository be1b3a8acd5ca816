package io.statestore.backend.azure;

import io.statestore.spi.ObjectKind;

/**
 * Meltano's blob layout in a container: {@code <prefix>/<state_id>/state.json} and {@code
 * <prefix>/<state_id>/lock}, or {@code <state_id>/state.json} without a prefix.
 */
final class AzureLayout {
  private final String base;

  /**
   * @param prefix the blob name prefix without leading or trailing {@code /}, possibly empty
   */
  AzureLayout(String prefix) {
    this.base = prefix.isEmpty() ? "" : prefix + "/";
  }

  /** The name of one blob. */
  String blobName(String stateId, ObjectKind kind) {
    return base + stateId + "/" + kind.fileName();
  }

  /** The blob name prefix under which every blob of ids starting with {@code idPrefix} lies. */
  String listPrefix(String idPrefix) {
    return base + idPrefix;
  }

  /**
   * The state id of a listed blob when it is an object of {@code kind} in this layout; {@code null}
   * for anything else (deeper names, other file names, names outside the prefix).
   */
  String stateId(String blobName, ObjectKind kind) {
    String suffix = "/" + kind.fileName();
    if (!blobName.startsWith(base) || !blobName.endsWith(suffix)) {
      return null;
    }
    int end = blobName.length() - suffix.length();
    if (end <= base.length()) {
      return null;
    }
    String id = blobName.substring(base.length(), end);
    return id.indexOf('/') >= 0 ? null : id;
  }
}
