package io.statestore.backend.gcs;

import java.time.Instant;
import java.util.Map;

/**
 * One stored object of {@link FakeGcsServer}: immutable, replaced whole by every write.
 *
 * @param name the object's name
 * @param content its bytes
 * @param generation its generation, unique across the server
 * @param metageneration its metadata generation (1: the fake never updates metadata alone)
 * @param contentType its content type
 * @param created when this generation was written
 * @param metadata its custom metadata
 */
record FakeObject(
    String name,
    byte[] content,
    long generation,
    long metageneration,
    String contentType,
    Instant created,
    Map<String, String> metadata) {}
