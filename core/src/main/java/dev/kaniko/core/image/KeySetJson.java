package dev.kaniko.core.image;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.util.Iterator;
import java.util.SortedSet;
import java.util.TreeSet;

/** ExposedPorts and Volumes: a set of keys written as {@code {"key":{}}}. */
final class KeySetJson {
  private KeySetJson() {}

  static final class Serializer extends JsonSerializer<SortedSet<String>> {
    @Override
    public void serialize(SortedSet<String> keys, JsonGenerator gen, SerializerProvider p)
        throws IOException {
      gen.writeStartObject();
      for (String k : keys) {
        gen.writeFieldName(k);
        gen.writeStartObject();
        gen.writeEndObject();
      }
      gen.writeEndObject();
    }
  }

  static final class Deserializer extends JsonDeserializer<SortedSet<String>> {
    @Override
    public SortedSet<String> deserialize(JsonParser parser, DeserializationContext ctx)
        throws IOException {
      JsonNode node = parser.readValueAsTree();
      SortedSet<String> keys = new TreeSet<>();
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        keys.add(it.next());
      }
      return keys;
    }
  }
}
