package dev.kaniko.core.registry;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonValue;
import com.google.cloud.tools.jib.image.json.ManifestTemplate;
import java.nio.charset.StandardCharsets;

/**
 * Lets jib push manifest bytes we wrote ourselves (any media type, layer media types like zstd) unchanged:
 * jib serializes a template with Jackson, and this one serializes to exactly its raw JSON.
 */
final class RawManifestTemplate implements ManifestTemplate {

  private final String json;
  private final String mediaType;

  RawManifestTemplate(byte[] json, String mediaType) {
    this.json = new String(json, StandardCharsets.UTF_8);
    this.mediaType = mediaType;
  }

  @JsonValue
  @JsonRawValue
  String json() {
    return json;
  }

  @Override
  public int getSchemaVersion() {
    return 2;
  }

  @Override
  public String getManifestMediaType() {
    return mediaType;
  }
}
