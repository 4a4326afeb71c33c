package dev.kaniko.core.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One history line of an image config; {@code emptyLayer} marks metadata-only steps. */
@JsonPropertyOrder({"created", "created_by", "author", "comment", "empty_layer"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record HistoryEntry(
    @JsonProperty("created") String created,
    @JsonProperty("created_by") String createdBy,
    @JsonProperty("author") String author,
    @JsonProperty("comment") String comment,
    @JsonProperty("empty_layer") Boolean emptyLayer) {

  /** Whether this step produced no layer. */
  public boolean isEmptyLayer() {
    return Boolean.TRUE.equals(emptyLayer);
  }
}
