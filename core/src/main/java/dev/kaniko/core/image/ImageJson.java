package dev.kaniko.core.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * Deterministic JSON for image blobs: declared field order, sorted map keys, nulls omitted, no
 * whitespace. The digest is always of the exact bytes returned.
 */
public final class ImageJson {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .disable(SerializationFeature.INDENT_OUTPUT)
      .build();

  private ImageJson() {}

  public static SerializedJson serialize(Object model) {
    try {
      byte[] bytes = MAPPER.writeValueAsBytes(model);
      return new SerializedJson(bytes, Digests.sha256(bytes));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + model.getClass().getSimpleName(), e);
    }
  }

  /** Parses a blob; a malformed one fails with a one-line message naming the type. */
  public static <T> T parse(byte[] json, Class<T> type) throws IOException {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IOException("malformed " + type.getSimpleName() + " JSON: "
          + e.getOriginalMessage(), e);
    }
  }

  static ObjectMapper mapper() {
    return MAPPER;
  }

}
