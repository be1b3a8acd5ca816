package io.statestore.backend.gcs;

import static io.statestore.backend.gcs.FakeGcsHttp.JSON;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statestore.backend.gcs.FakeGcsHttp.Failure;
import io.statestore.backend.gcs.FakeGcsHttp.Response;
import io.statestore.core.objectstore.IdOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.NavigableMap;

/**
 * The object listing of {@link FakeGcsServer}: one page of a bucket's objects in name order, cut by
 * {@code prefix}, {@code startOffset} and {@code endOffset}, grouped by {@code delimiter} into
 * {@code prefixes}, at most {@code maxResults} (and never more than 1,000) entries long, with a
 * page token that names the last name or prefix group returned so that the next page resumes after
 * it.
 */
final class FakeGcsListing {
  private static final int MAX_PAGE = 1_000;

  private FakeGcsListing() {}

  /** Answers {@code GET /storage/v1/b/<bucket>/o} with the page that {@code query} asks for. */
  static Response list(FakeGcsServer server, String bucketName, Map<String, String> query) {
    if (query.containsKey("matchGlob") || "true".equals(query.get("versions"))) {
      throw new Failure(501, "notImplemented", "matchGlob and versions are not supported");
    }
    NavigableMap<String, FakeObject> objects = server.bucket(bucketName);
    String prefix = query.getOrDefault("prefix", "");
    String delimiter = query.getOrDefault("delimiter", "");
    int max = MAX_PAGE;
    if (query.containsKey("maxResults")) {
      max = Math.max(1, Math.min(MAX_PAGE, Integer.parseInt(query.get("maxResults"))));
    }
    // The token names the last name or prefix group returned: the page resumes after it.
    String after = null;
    boolean afterGroup = false;
    if (query.containsKey("pageToken")) {
      String token =
          new String(Base64.getUrlDecoder().decode(query.get("pageToken")), StandardCharsets.UTF_8);
      afterGroup = token.startsWith("p:");
      after = token.substring(2);
    }
    String from = query.getOrDefault("startOffset", prefix);
    if (IdOrder.compareCodePoints(from, prefix) < 0) {
      from = prefix;
    }
    String end = query.get("endOffset");
    NavigableMap<String, FakeObject> tail =
        after != null ? objects.tailMap(after, false) : objects.tailMap(from, true);
    ArrayNode items = JSON.createArrayNode();
    ArrayNode prefixes = JSON.createArrayNode();
    String lastGroup = afterGroup ? after : null;
    String last = null;
    boolean lastIsGroup = false;
    int count = 0;
    boolean more = false;
    for (Map.Entry<String, FakeObject> e : tail.entrySet()) {
      String name = e.getKey();
      if (!name.startsWith(prefix)) {
        if (IdOrder.compareCodePoints(name, prefix) > 0) {
          break;
        }
        continue;
      }
      if (end != null && IdOrder.compareCodePoints(name, end) >= 0) {
        break;
      }
      if (lastGroup != null && name.startsWith(lastGroup)) {
        continue;
      }
      int cut = delimiter.isEmpty() ? -1 : name.indexOf(delimiter, prefix.length());
      if (count == max) {
        more = true;
        break;
      }
      if (cut >= 0) {
        lastGroup = name.substring(0, cut + delimiter.length());
        prefixes.add(lastGroup);
        last = lastGroup;
        lastIsGroup = true;
      } else {
        items.add(FakeGcsHandler.resource(bucketName, e.getValue()));
        last = name;
        lastIsGroup = false;
      }
      count++;
    }
    ObjectNode page = JSON.createObjectNode();
    page.put("kind", "storage#objects");
    if (!items.isEmpty()) {
      page.set("items", items);
    }
    if (!prefixes.isEmpty()) {
      page.set("prefixes", prefixes);
    }
    if (more) {
      String token = (lastIsGroup ? "p:" : "o:") + last;
      page.put(
          "nextPageToken",
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(token.getBytes(StandardCharsets.UTF_8)));
    }
    return FakeGcsHttp.json(200, page);
  }
}
