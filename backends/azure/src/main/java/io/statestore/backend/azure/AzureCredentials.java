package io.statestore.backend.azure;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.Settings;
import io.statestore.spi.StateStoreException;
import java.util.Base64;

/**
 * The connection string a store uses and where it came from. Only {@link #source()} may appear in
 * messages; {@link #toString()} never shows the connection string.
 */
final class AzureCredentials {
  private final String connectionString;
  private final String source;

  private AzureCredentials(String connectionString, String source) {
    this.connectionString = connectionString;
    this.source = source;
  }

  /**
   * Resolves the connection string: the setting {@code azure.connection_string}, else the
   * environment variable {@code AZURE_STORAGE_CONNECTION_STRING} of the settings' environment.
   *
   * @throws StateStoreException {@link ErrorKind#INVALID_CONFIGURATION} naming both when neither is
   *     set
   */
  static AzureCredentials resolve(Settings settings) {
    String value = settings.find(AzureSettings.CONNECTION_STRING).orElse("").strip();
    if (value.isEmpty()) {
      throw new StateStoreException(
          ErrorKind.INVALID_CONFIGURATION,
          "An Azure store needs a connection string: set the setting "
              + AzureSettings.CONNECTION_STRING.key()
              + " (state_backend."
              + AzureSettings.CONNECTION_STRING.key()
              + " in Meltano) or the environment variable "
              + AzureSettings.CONNECTION_STRING_ENV);
    }
    String source =
        settings.source(AzureSettings.CONNECTION_STRING) == Settings.Source.ENVIRONMENT
            ? "the environment variable " + AzureSettings.CONNECTION_STRING_ENV
            : "the setting " + AzureSettings.CONNECTION_STRING.key();
    checkAccountKey(value, source);
    return new AzureCredentials(value, source);
  }

  /**
   * Fails fast when the connection string's {@code AccountKey} is not Base64: the SDK would only
   * find out while signing a request, which then looks like an unreachable store.
   */
  private static void checkAccountKey(String connectionString, String source) {
    for (String part : connectionString.split(";")) {
      int eq = part.indexOf('=');
      if (eq < 0 || !part.substring(0, eq).strip().equalsIgnoreCase("AccountKey")) {
        continue;
      }
      String key = part.substring(eq + 1).strip();
      boolean valid;
      try {
        valid = !key.isEmpty() && Base64.getDecoder().decode(key).length > 0;
      } catch (IllegalArgumentException e) {
        valid = false;
      }
      if (!valid) {
        throw new StateStoreException(
            ErrorKind.INVALID_CONFIGURATION,
            "The AccountKey of the Azure connection string from "
                + source
                + " is not a valid Base64 account key (copy it again from the storage account's"
                + " access keys)");
      }
    }
  }

  /** The connection string itself: hand it to the SDK only. */
  String connectionString() {
    return connectionString;
  }

  /**
   * Where the connection string came from, e.g. {@code the setting azure.connection_string}; safe
   * to show.
   */
  String source() {
    return source;
  }

  @Override
  public String toString() {
    return "AzureCredentials[from " + source + "]";
  }
}
