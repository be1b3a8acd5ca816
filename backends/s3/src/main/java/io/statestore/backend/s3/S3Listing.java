package io.statestore.backend.s3;

import io.statestore.core.objectstore.IdOrder;
import io.statestore.core.objectstore.ObjectKeyLayout;
import io.statestore.spi.ListedState;
import io.statestore.spi.ObjectKind;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;

/**
 * One lazy listing of the ids that have an object of one kind, in id order.
 *
 * <p>It lists {@code <prefix>/<id prefix>} without a delimiter and keeps the keys {@code
 * <prefix>/<id>/<file name>}: Meltano's folders hold only {@code state.json} and {@code lock}, so
 * this reads about one key per state, with its last-modified time and without a request per state
 * (a delimited listing would return the folders but not which of them hold the object). The first
 * page is requested when the stream is first consumed, the next ones as it goes on; SDK failures
 * surface as {@code StateStoreException}s.
 */
final class S3Listing implements Iterator<ListedState> {
  private final S3Client client;
  private final ListObjectsV2Request request;
  private final ObjectKeyLayout layout;
  private final ObjectKind kind;
  private final String idPrefix;
  private final S3Errors errors;
  private Iterator<ListedState> ordered;

  private S3Listing(
      S3Client client,
      ListObjectsV2Request request,
      ObjectKeyLayout layout,
      ObjectKind kind,
      String idPrefix,
      S3Errors errors) {
    this.client = client;
    this.request = request;
    this.layout = layout;
    this.kind = kind;
    this.idPrefix = idPrefix;
    this.errors = errors;
  }

  /**
   * A lazy stream of the ids starting with {@code idPrefix} that have an object of {@code kind}.
   */
  static Stream<ListedState> stream(
      S3Client client,
      String bucket,
      ObjectKeyLayout layout,
      ObjectKind kind,
      String idPrefix,
      int pageSize,
      S3Errors errors) {
    ListObjectsV2Request request =
        ListObjectsV2Request.builder()
            .bucket(bucket)
            .prefix(layout.listPrefix(idPrefix))
            .maxKeys(pageSize)
            .build();
    S3Listing listing = new S3Listing(client, request, layout, kind, idPrefix, errors);
    int flags = Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT;
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(listing, flags), false);
  }

  private Iterator<ListedState> open() {
    // The SDK requests the first page as soon as an iterator is made: make it on first use only.
    Iterator<ListedState> inKeyOrder =
        client.listObjectsV2Paginator(request).contents().stream()
            .map(
                o -> {
                  String id = layout.stateId(o.key(), kind);
                  return id != null && id.startsWith(idPrefix)
                      ? new ListedState(id, o.lastModified())
                      : null;
                })
            .filter(Objects::nonNull)
            .iterator();
    return new IdOrder(inKeyOrder, idPrefix);
  }

  @Override
  public boolean hasNext() {
    try {
      if (ordered == null) {
        ordered = open();
      }
      return ordered.hasNext();
    } catch (SdkException e) {
      throw errors.translate(
          e,
          "listing the "
              + kind.fileName()
              + " objects of state_ids starting with '"
              + idPrefix
              + "'");
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
