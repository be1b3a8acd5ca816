package io.statestore.migrate;

/**
 * A state whose copy failed; nothing of it was written to the target.
 *
 * @param stateId the state id
 * @param sqlState the SQLState of the error
 * @param message the error message (names the state, never a secret)
 */
public record CopyFailure(String stateId, String sqlState, String message) {}
