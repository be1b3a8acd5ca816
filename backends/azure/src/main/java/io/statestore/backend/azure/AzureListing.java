package io.statestore.backend.azure;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.ListBlobsOptions;
import io.statestore.core.objectstore.IdOrder;
import io.statestore.core.objectstore.ObjectKeyLayout;
import io.statestore.spi.ListedState;
import io.statestore.spi.ObjectKind;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One lazy listing of the ids that have a blob of one kind, in id order.
 *
 * <p>It lists {@code <prefix>/<id prefix>} flat (without a delimiter) and keeps the names {@code
 * <prefix>/<id>/<file name>}: Meltano's folders hold only {@code state.json} and {@code lock}, so
 * this reads about one name per state, with its last-modified time and without a request per state
 * (a delimited listing would return the folders but not which of them hold the blob). Pages are
 * requested as the stream is consumed; SDK failures surface as {@code StateStoreException}s.
 */
final class AzureListing implements Iterator<ListedState> {
  private final Iterator<ListedState> ordered;
  private final AzureErrors errors;
  private final String action;

  private AzureListing(Iterator<ListedState> ordered, AzureErrors errors, String action) {
    this.ordered = ordered;
    this.errors = errors;
    this.action = action;
  }

  /** A lazy stream of the ids starting with {@code idPrefix} that have a blob of {@code kind}. */
  static Stream<ListedState> stream(
      BlobContainerClient container,
      ObjectKeyLayout layout,
      ObjectKind kind,
      String idPrefix,
      int pageSize,
      AzureErrors errors) {
    String action =
        "listing the " + kind.fileName() + " blobs of state_ids starting with '" + idPrefix + "'";
    ListBlobsOptions options =
        new ListBlobsOptions()
            .setPrefix(layout.listPrefix(idPrefix))
            .setMaxResultsPerPage(pageSize);
    // Nothing is requested before the stream's first element is asked for.
    Iterator<ListedState> inNameOrder =
        new Iterator<>() {
          private Iterator<ListedState> items;

          private Iterator<ListedState> items() {
            if (items == null) {
              items =
                  container.listBlobs(options, null).stream()
                      .map(b -> toListed(b, layout, kind, idPrefix))
                      .filter(Objects::nonNull)
                      .iterator();
            }
            return items;
          }

          @Override
          public boolean hasNext() {
            return items().hasNext();
          }

          @Override
          public ListedState next() {
            return items().next();
          }
        };
    AzureListing listing = new AzureListing(new IdOrder(inNameOrder, idPrefix), errors, action);
    int flags = Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT;
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(listing, flags), false);
  }

  private static ListedState toListed(
      BlobItem blob, ObjectKeyLayout layout, ObjectKind kind, String idPrefix) {
    if (Boolean.TRUE.equals(blob.isPrefix()) || blob.isDeleted()) {
      return null;
    }
    String id = layout.stateId(blob.getName(), kind);
    if (id == null || !id.startsWith(idPrefix)) {
      return null;
    }
    OffsetDateTime modified =
        blob.getProperties() == null ? null : blob.getProperties().getLastModified();
    Instant lastModified = modified == null ? null : modified.toInstant();
    return new ListedState(id, lastModified);
  }

  @Override
  public boolean hasNext() {
    try {
      return ordered.hasNext();
    } catch (RuntimeException e) {
      throw errors.translate(e, action);
    }
  }

  @Override
  public ListedState next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return ordered.next();
  }
}
