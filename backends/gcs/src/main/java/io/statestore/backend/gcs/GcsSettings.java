package io.statestore.backend.gcs;

import io.statestore.core.objectstore.RequestTimeouts;
import io.statestore.spi.SettingDefinition;
import io.statestore.spi.SettingKind;
import java.util.List;

/**
 * The settings of the {@code gs} backend, declared once for parsing, validation and docs. Meltano's
 * names work too, with its {@code state_backend.} prefix ({@code
 * state_backend.gcs.application_credentials}).
 */
public final class GcsSettings {

  /** The environment variable Meltano and Google's tools read a credentials file's path from. */
  public static final String APPLICATION_CREDENTIALS_ENV = "GOOGLE_APPLICATION_CREDENTIALS";

  /** The environment variable Google's tools read the project from. */
  public static final String PROJECT_ENV = "GOOGLE_CLOUD_PROJECT";

  /** The path of a service account's JSON key file; sensitive (the path is never shown). */
  public static final SettingDefinition APPLICATION_CREDENTIALS =
      SettingDefinition.builder("gcs.application_credentials", SettingKind.PATH)
          .label("Credentials file")
          .description(
              "The path of a service account's JSON key file, as Meltano's"
                  + " state_backend.gcs.application_credentials. Without it and without"
                  + " GOOGLE_APPLICATION_CREDENTIALS, Application Default Credentials are used"
                  + " (gcloud auth application-default login, or the attached service account on"
                  + " Google Cloud); with gcs.endpoint set, no credentials at all.")
          .envVar(APPLICATION_CREDENTIALS_ENV)
          .sensitive()
          .build();

  /** The Google Cloud project of the client. */
  public static final SettingDefinition PROJECT =
      SettingDefinition.builder("gcs.project", SettingKind.STRING)
          .label("Project")
          .description(
              "The Google Cloud project of the client. Object requests do not need it; default:"
                  + " the service account's project, else none.")
          .envVar(PROJECT_ENV)
          .build();

  /** Another endpoint of the JSON API: an emulator or a proxy. */
  public static final SettingDefinition ENDPOINT =
      SettingDefinition.builder("gcs.endpoint", SettingKind.STRING)
          .label("Endpoint")
          .description(
              "The URL of another endpoint of the Cloud Storage JSON API, e.g. an emulator at"
                  + " http://127.0.0.1:4443; default: https://storage.googleapis.com. Without"
                  + " credentials given, requests to it are not authenticated.")
          .build();

  /** The longest wait for a connection to the store. */
  public static final SettingDefinition CONNECT_TIMEOUT_SECONDS =
      RequestTimeouts.connectTimeout("gcs");

  /** The longest wait for the store's answer to one request. */
  public static final SettingDefinition READ_TIMEOUT_SECONDS = RequestTimeouts.readTimeout("gcs");

  /** All of them, in documentation order. */
  public static final List<SettingDefinition> ALL =
      List.of(
          APPLICATION_CREDENTIALS,
          PROJECT,
          ENDPOINT,
          CONNECT_TIMEOUT_SECONDS,
          READ_TIMEOUT_SECONDS);

  private GcsSettings() {}
}
