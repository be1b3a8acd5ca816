package io.statestore.backend.azure;

import io.statestore.core.objectstore.RequestTimeouts;
import io.statestore.spi.SettingDefinition;
import io.statestore.spi.SettingKind;
import java.util.List;

/** The settings of the {@code azure} backend, declared once for parsing, validation and docs. */
public final class AzureSettings {

  /** The environment variable Meltano and the Azure tools read a connection string from. */
  public static final String CONNECTION_STRING_ENV = "AZURE_STORAGE_CONNECTION_STRING";

  /** The storage account's connection string; a secret (it holds the account key or a SAS). */
  public static final SettingDefinition CONNECTION_STRING =
      SettingDefinition.builder("azure.connection_string", SettingKind.SECRET)
          .label("Connection string")
          .description(
              "The storage account's connection string"
                  + " (DefaultEndpointsProtocol=https;AccountName=...;AccountKey=...;"
                  + "EndpointSuffix=core.windows.net, or one with a SharedAccessSignature), as"
                  + " Meltano's state_backend.azure.connection_string.")
          .envVar(CONNECTION_STRING_ENV)
          .sensitive()
          .build();

  /** The longest wait for a connection to the store. */
  public static final SettingDefinition CONNECT_TIMEOUT_SECONDS =
      RequestTimeouts.connectTimeout("azure");

  /** The longest wait for the store's answer to one request. */
  public static final SettingDefinition READ_TIMEOUT_SECONDS = RequestTimeouts.readTimeout("azure");

  /** All of them, in documentation order. */
  public static final List<SettingDefinition> ALL =
      List.of(CONNECTION_STRING, CONNECT_TIMEOUT_SECONDS, READ_TIMEOUT_SECONDS);

  private AzureSettings() {}
}
