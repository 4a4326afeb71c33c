package dev.kaniko.core.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The config's rootfs: always type "layers", with the diffIDs of the uncompressed layers. */
@JsonPropertyOrder({"type", "diff_ids"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record RootFs(
    @JsonProperty("type") String type, @JsonProperty("diff_ids") List<String> diffIds) {

  public RootFs {
    type = type == null ? "layers" : type;
    diffIds = diffIds == null ? List.of() : List.copyOf(diffIds);
  }

  public static RootFs of(List<String> diffIds) {
    return new RootFs("layers", diffIds);
  }
}
