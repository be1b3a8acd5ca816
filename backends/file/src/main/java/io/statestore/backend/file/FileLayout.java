package io.statestore.backend.file;

import io.statestore.core.StateIds;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateIdRule;
import io.statestore.spi.StateStoreException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * How a state id names its directory under the store directory, as Meltano's local filesystem
 * backends do.
 *
 * <p>{@link #BASE64} mirrors Meltano's {@code WindowsFilesystemStateStoreManager}, which names the
 * directory {@code b64encode(state_id.encode()).decode()}: the standard alphabet (with {@code +}
 * and {@code /}) and {@code =} padding. Ids whose base64 contains {@code /} would become nested
 * directories there (which Meltano cannot list), and ids over 189 UTF-8 bytes would need a name
 * over 255 characters; both are refused with {@link ErrorKind#INVALID_INPUT}.
 */
public enum FileLayout {
  /** The directory is named by the state id itself (Meltano on Linux and macOS). */
  POSIX("posix") {
    @Override
    String directoryName(String stateId) {
      if (stateId.equals(StoreGuard.FILE_NAME)) {
        throw new StateStoreException(
            ErrorKind.INVALID_INPUT,
            "Invalid state_id "
                + StateIds.quote(stateId)
                + ": the name is reserved by the file store for its guard file");
      }
      return stateId;
    }

    @Override
    Optional<String> stateId(String directoryName) {
      return Optional.of(directoryName);
    }

    @Override
    StateIdRule idRule() {
      return StateIdRule.anyText(STORE)
          .notNamed(".", "it names the store directory itself")
          .notNamed("..", "it names the store directory's parent")
          .notNamed(StoreGuard.FILE_NAME, "the file store's guard file has this name")
          .without('/', "a file name cannot hold it")
          .without('\\', "it separates directories on Windows")
          .withMaxUtf8Bytes(MAX_NAME_LENGTH, "a file name's length limit");
    }
  },

  /** The directory is named by the padded, standard base64 of the id (Meltano on Windows). */
  BASE64("base64") {
    @Override
    String directoryName(String stateId) {
      String name = Base64.getEncoder().encodeToString(stateId.getBytes(StandardCharsets.UTF_8));
      if (name.indexOf('/') >= 0) {
        throw new StateStoreException(
            ErrorKind.INVALID_INPUT,
            "Invalid state_id "
                + StateIds.quote(stateId)
                + " for the base64 file layout: its base64 name '"
                + name
                + "' contains '/', which Meltano's Windows layout turns into nested directories"
                + " it cannot list; use another id or the posix layout");
      }
      if (name.length() > MAX_NAME_LENGTH) {
        throw new StateStoreException(
            ErrorKind.INVALID_INPUT,
            "Invalid state_id "
                + StateIds.quote(stateId)
                + " for the base64 file layout: its base64 name would be "
                + name.length()
                + " characters, over the "
                + MAX_NAME_LENGTH
                + " a file name may have; ids in this layout may be at most "
                + MAX_BASE64_ID_BYTES
                + " bytes of UTF-8");
      }
      return name;
    }

    @Override
    Optional<String> stateId(String directoryName) {
      byte[] bytes;
      try {
        bytes = Base64.getDecoder().decode(directoryName);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
      try {
        String id =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
        // Only the canonical spelling names an id (the decoder accepts missing padding).
        return Base64.getEncoder().encodeToString(bytes).equals(directoryName)
            ? Optional.of(id)
            : Optional.empty();
      } catch (CharacterCodingException e) {
        return Optional.empty();
      }
    }

    @Override
    StateIdRule idRule() {
      return StateIdRule.anyText(STORE + " (base64 layout)")
          .withMaxUtf8Bytes(
              MAX_BASE64_ID_BYTES,
              "the layout names a directory by the id's base64, and a file name has at most "
                  + MAX_NAME_LENGTH
                  + " characters")
          .withCheck(
              id -> {
                String name =
                    Base64.getEncoder().encodeToString(id.getBytes(StandardCharsets.UTF_8));
                return name.indexOf('/') < 0
                    ? null
                    : "its base64 name '"
                        + name
                        + "' contains '/', which Meltano's Windows layout turns into nested"
                        + " directories it cannot list; use another id or the posix layout";
              });
    }
  };

  private static final String STORE = "the file store";

  /** The longest file name on common file systems (ext4, APFS, NTFS), in characters. */
  static final int MAX_NAME_LENGTH = 255;

  /** The longest id the base64 layout can name: 189 bytes encode to 252 characters. */
  static final int MAX_BASE64_ID_BYTES = MAX_NAME_LENGTH / 4 * 3;

  private final String settingValue;

  FileLayout(String settingValue) {
    this.settingValue = settingValue;
  }

  /** The value of the {@code file.layout} setting that selects this layout. */
  public String settingValue() {
    return settingValue;
  }

  /**
   * The layout a {@code file.layout} value names.
   *
   * @throws StateStoreException {@link ErrorKind#INVALID_CONFIGURATION} for any other value
   */
  public static FileLayout fromSetting(String value) {
    String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    for (FileLayout layout : values()) {
      if (layout.settingValue.equals(v)) {
        return layout;
      }
    }
    throw new StateStoreException(
        ErrorKind.INVALID_CONFIGURATION,
        "Setting '" + FileSettings.LAYOUT.key() + "' must be one of posix, base64");
  }

  /**
   * The name of a state id's directory.
   *
   * @throws StateStoreException {@link ErrorKind#INVALID_INPUT} when the layout cannot name it
   */
  abstract String directoryName(String stateId);

  /** The state id a directory name stands for, empty when the name is not one of this layout. */
  abstract Optional<String> stateId(String directoryName);

  /** The ids this layout can name: each a single, safe directory name. */
  abstract StateIdRule idRule();
}
