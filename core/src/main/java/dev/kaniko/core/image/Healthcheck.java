package dev.kaniko.core.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** HEALTHCHECK settings; durations in nanoseconds as Docker stores them, null = inherit. */
@JsonPropertyOrder({"Test", "Interval", "Timeout", "StartPeriod", "StartInterval", "Retries"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record Healthcheck(
    @JsonProperty("Test") List<String> test,
    @JsonProperty("Interval") Long interval,
    @JsonProperty("Timeout") Long timeout,
    @JsonProperty("StartPeriod") Long startPeriod,
    @JsonProperty("StartInterval") Long startInterval,
    @JsonProperty("Retries") Integer retries) {

  public Healthcheck {
    test = test == null ? null : List.copyOf(test);
  }
}
