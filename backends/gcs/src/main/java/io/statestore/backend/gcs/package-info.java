/**
 * The {@code gs} backend: state in a Google Cloud Storage bucket, in Meltano's layout ({@code
 * <prefix>/<state_id>/state.json} and {@code <prefix>/<state_id>/lock}).
 *
 * <pre>
 * jdbc:statestore:gs://bucket/meltano/state
 * jdbc:statestore:gs://bucket/state?gcs.endpoint=http://127.0.0.1:4443   (an emulator)
 * </pre>
 *
 * <p>Credentials, in Meltano's order: the setting {@code gcs.application_credentials} (a service
 * account's JSON key file), then the environment variable {@code GOOGLE_APPLICATION_CREDENTIALS},
 * then none when {@code gcs.endpoint} is set, then Application Default Credentials. Errors name the
 * source used, never the file's path or contents. See {@link io.statestore.backend.gcs.GcsSettings}
 * for the settings and {@link io.statestore.backend.gcs.GcsStoreClient} for how each primitive maps
 * onto Cloud Storage.
 */
package io.statestore.backend.gcs;
