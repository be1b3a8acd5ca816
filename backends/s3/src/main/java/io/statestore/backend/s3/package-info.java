/**
 * The {@code s3} backend: state in an Amazon S3 bucket or an S3-compatible store, in Meltano's
 * layout ({@code <prefix>/<state_id>/state.json} and {@code <prefix>/<state_id>/lock}).
 *
 * <pre>
 * jdbc:statestore:s3://bucket/meltano/state
 * jdbc:statestore:s3://bucket/state?s3.endpoint_url=http://127.0.0.1:9000   (MinIO, Ceph, R2...)
 * </pre>
 *
 * <p>Credentials, in Meltano's order: the settings {@code s3.aws_access_key_id} and {@code
 * s3.aws_secret_access_key} (JDBC's {@code user} and {@code password} map onto them), then {@code
 * s3://key:secret@bucket/prefix} (URL-encoded), then {@code AWS_ACCESS_KEY_ID}/{@code
 * AWS_SECRET_ACCESS_KEY}, the AWS profile ({@code AWS_PROFILE}, {@code ~/.aws/credentials}) and the
 * rest of the SDK's default chain. Errors name the source used, never a key. See {@link
 * io.statestore.backend.s3.S3Settings} for the settings and {@link
 * io.statestore.backend.s3.S3StoreClient} for how each primitive maps onto S3.
 */
package io.statestore.backend.s3;
