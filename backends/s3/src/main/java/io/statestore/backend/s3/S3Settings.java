package io.statestore.backend.s3;

import io.statestore.core.objectstore.RequestTimeouts;
import io.statestore.spi.SettingDefinition;
import io.statestore.spi.SettingKind;
import java.util.List;

/**
 * The settings of the {@code s3} backend. Meltano's names work too, with its {@code state_backend.}
 * prefix ({@code state_backend.s3.aws_access_key_id}, ...).
 */
public final class S3Settings {

  /** The access key id; JDBC's {@code user} property maps onto it. */
  public static final SettingDefinition ACCESS_KEY_ID =
      SettingDefinition.builder("s3.aws_access_key_id", SettingKind.STRING)
          .label("AWS access key id")
          .description(
              "AWS access key id. Beats the one in the URI (s3://key:secret@bucket/prefix), which"
                  + " beats the default AWS chain (AWS_ACCESS_KEY_ID, the shared credentials file,"
                  + " AWS_PROFILE).")
          .sensitive()
          .aliases("user")
          .build();

  /** The secret access key; JDBC's {@code password} property maps onto it. */
  public static final SettingDefinition SECRET_ACCESS_KEY =
      SettingDefinition.builder("s3.aws_secret_access_key", SettingKind.SECRET)
          .label("AWS secret access key")
          .description("AWS secret access key, set together with s3.aws_access_key_id.")
          .aliases("password")
          .build();

  /** The region; without it, the environment's or the profile's, else us-east-1. */
  public static final SettingDefinition REGION =
      SettingDefinition.builder("s3.region", SettingKind.STRING)
          .label("AWS region")
          .description(
              "The bucket's region. Default: AWS_REGION, AWS_DEFAULT_REGION or the AWS profile's"
                  + " region, else us-east-1 (on AWS, a bucket in another region is then found"
                  + " by following S3's redirect).")
          .build();

  /** The endpoint of an S3-compatible store (MinIO, Ceph, R2, ...). */
  public static final SettingDefinition ENDPOINT_URL =
      SettingDefinition.builder("s3.endpoint_url", SettingKind.STRING)
          .label("Endpoint URL")
          .description(
              "The URL of an S3-compatible store, e.g. http://127.0.0.1:9000; default: AWS S3.")
          .build();

  /** Path-style addressing ({@code endpoint/bucket/key}) rather than virtual-hosted style. */
  public static final SettingDefinition PATH_STYLE =
      SettingDefinition.builder("s3.path_style", SettingKind.BOOL)
          .label("Path-style access")
          .description(
              "Address buckets as endpoint/bucket/key instead of bucket.endpoint/key. Default:"
                  + " true when s3.endpoint_url is set, else false.")
          .build();

  /** The longest wait for a connection to the store. */
  public static final SettingDefinition CONNECT_TIMEOUT_SECONDS =
      RequestTimeouts.connectTimeout("s3");

  /** The longest wait for the store's answer to one request. */
  public static final SettingDefinition READ_TIMEOUT_SECONDS = RequestTimeouts.readTimeout("s3");

  /** All of them, in documentation order. */
  public static final List<SettingDefinition> ALL =
      List.of(
          ACCESS_KEY_ID,
          SECRET_ACCESS_KEY,
          REGION,
          ENDPOINT_URL,
          PATH_STYLE,
          CONNECT_TIMEOUT_SECONDS,
          READ_TIMEOUT_SECONDS);

  private S3Settings() {}
}
