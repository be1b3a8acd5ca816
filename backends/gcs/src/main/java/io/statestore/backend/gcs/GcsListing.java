package io.statestore.backend.gcs;

import com.google.api.gax.paging.Page;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.Storage.BlobField;
import com.google.cloud.storage.Storage.BlobListOption;
import io.statestore.core.objectstore.IdOrder;
import io.statestore.core.objectstore.ObjectKeyLayout;
import io.statestore.spi.ListedState;
import io.statestore.spi.ObjectKind;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One lazy listing of the ids that have an object of one kind, in id order.
 *
 * <p>It lists {@code <prefix>/<id prefix>} flat (without a delimiter), asking only for each
 * object's name and update time, and keeps the names {@code <prefix>/<id>/<file name>}: Meltano's
 * folders hold only {@code state.json} and {@code lock}, so this reads about one name per state,
 * without a request per state and without a body (a listing with the delimiter {@code /} would
 * return the folders but not which of them hold the object). Each page is requested when the stream
 * reaches it, following the page token; SDK failures surface as {@code StateStoreException}s.
 */
final class GcsListing implements Iterator<ListedState> {
  private final Storage storage;
  private final String bucket;
  private final ObjectKeyLayout layout;
  private final ObjectKind kind;
  private final String idPrefix;
  private final int pageSize;
  private final GcsErrors errors;
  private final String action;
  private Iterator<ListedState> ordered;

  private GcsListing(
      Storage storage,
      String bucket,
      ObjectKeyLayout layout,
      ObjectKind kind,
      String idPrefix,
      int pageSize,
      GcsErrors errors) {
    this.storage = storage;
    this.bucket = bucket;
    this.layout = layout;
    this.kind = kind;
    this.idPrefix = idPrefix;
    this.pageSize = pageSize;
    this.errors = errors;
    this.action =
        "listing the " + kind.fileName() + " objects of state_ids starting with '" + idPrefix + "'";
  }

  /**
   * A lazy stream of the ids starting with {@code idPrefix} that have an object of {@code kind}.
   */
  static Stream<ListedState> stream(
      Storage storage,
      String bucket,
      ObjectKeyLayout layout,
      ObjectKind kind,
      String idPrefix,
      int pageSize,
      GcsErrors errors) {
    GcsListing listing = new GcsListing(storage, bucket, layout, kind, idPrefix, pageSize, errors);
    int flags = Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT;
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(listing, flags), false);
  }

  /** The names of one listing in name order, page after page, as far as they are consumed. */
  private final class Names implements Iterator<ListedState> {
    private Page<Blob> page;
    private Iterator<Blob> blobs = Collections.emptyIterator();
    private ListedState next;
    private boolean started;

    @Override
    public boolean hasNext() {
      while (next == null) {
        if (blobs.hasNext()) {
          next = toListed(blobs.next());
        } else if (!started) {
          started = true;
          page =
              storage.list(
                  bucket,
                  BlobListOption.prefix(layout.listPrefix(idPrefix)),
                  BlobListOption.pageSize(pageSize),
                  BlobListOption.fields(BlobField.NAME, BlobField.UPDATED));
          blobs = page.getValues().iterator();
        } else if (page != null && page.hasNextPage()) {
          page = page.getNextPage();
          blobs = page == null ? Collections.emptyIterator() : page.getValues().iterator();
        } else {
          return false;
        }
      }
      return true;
    }

    @Override
    public ListedState next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      ListedState out = next;
      next = null;
      return out;
    }
  }

  private ListedState toListed(Blob blob) {
    String id = layout.stateId(blob.getName(), kind);
    if (id == null || !id.startsWith(idPrefix)) {
      return null;
    }
    OffsetDateTime updated = blob.getUpdateTimeOffsetDateTime();
    return new ListedState(id, updated == null ? null : updated.toInstant());
  }

  @Override
  public boolean hasNext() {
    try {
      if (ordered == null) {
        ordered = new IdOrder(new Names(), idPrefix);
      }
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
