package dev.kaniko.core.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** An image manifest (Docker v2s2 or OCI, told apart by {@code mediaType}). */
@JsonPropertyOrder({"schemaVersion", "mediaType", "config", "layers"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record Manifest(
    @JsonProperty("schemaVersion") int schemaVersion,
    @JsonProperty("mediaType") String mediaType,
    @JsonProperty("config") Descriptor config,
    @JsonProperty("layers") List<Descriptor> layers) {

  public Manifest {
    layers = layers == null ? List.of() : List.copyOf(layers);
  }
}
