package io.statestore.backend.systemdb;

import java.time.Instant;

/**
 * One row of Meltano's state table as stored: the two JSON columns exactly as read (either may be
 * NULL) and {@code updated_at}.
 *
 * @param completed the {@code completed_state} text, or {@code null}
 * @param partial the {@code partial_state} text, or {@code null}
 * @param updatedAt when the row was last written, or {@code null} (Meltano leaves it NULL on
 *     insert)
 */
record StateRow(String completed, String partial, Instant updatedAt) {}
