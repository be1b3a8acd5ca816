package io.statestore.core.objectstore;

import io.statestore.spi.ListedState;
import io.statestore.spi.ObjectKind;
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
 * <p>It lists {@code <prefix>/<id prefix>} flat (without a delimiter) and keeps the keys {@code
 * <prefix>/<id>/<file name>}: Meltano's folders hold only {@code state.json} and {@code lock}, so
 * this reads about one key per state, with its last-modified time, without a request per state and
 * without a body (a listing with the delimiter {@code /} would return the folders but not which of
 * them hold the object). Each page is requested when the stream reaches it; failures surface as
 * {@code StateStoreException}s.
 */
final class ObjectListing implements Iterator<ListedState> {
  private final ObjectStoreClient client;
  private final ObjectStoreErrors errors;
  private final ObjectKeyLayout layout;
  private final ObjectKind kind;
  private final String idPrefix;
  private final int pageSize;
  private final String action;
  private Iterator<ListedState> ordered;

  ObjectListing(
      ObjectStoreClient client,
      ObjectStoreErrors errors,
      ObjectKeyLayout layout,
      ObjectKind kind,
      String idPrefix,
      int pageSize) {
    this.client = client;
    this.errors = errors;
    this.layout = layout;
    this.kind = kind;
    this.idPrefix = idPrefix;
    this.pageSize = pageSize;
    this.action =
        "listing the " + kind.fileName() + " objects of state_ids starting with '" + idPrefix + "'";
  }

  /** This listing as a lazy stream. */
  Stream<ListedState> stream() {
    int flags = Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT;
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, flags), false);
  }

  /** The listing's ids in key order, page after page, as far as they are consumed. */
  private final class InKeyOrder implements Iterator<ListedState> {
    private Iterator<ObjectStoreClient.Entry> entries = Collections.emptyIterator();
    private String token;
    private boolean started;
    private ListedState next;

    @Override
    public boolean hasNext() {
      while (next == null) {
        if (entries.hasNext()) {
          next = toListed(entries.next());
        } else if (!started || token != null) {
          started = true;
          ObjectStoreClient.Page page = client.list(layout.listPrefix(idPrefix), token, pageSize);
          entries = page.entries().iterator();
          token = page.nextToken();
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

  private ListedState toListed(ObjectStoreClient.Entry entry) {
    String id = layout.stateId(entry.key(), kind);
    return id == null || !id.startsWith(idPrefix)
        ? null
        : new ListedState(id, entry.lastModified());
  }

  @Override
  public boolean hasNext() {
    try {
      if (ordered == null) {
        ordered = new IdOrder(new InKeyOrder(), idPrefix);
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
