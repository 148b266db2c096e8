package pelcro.exports.sandbox.operations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.oas.OpenApi30;
import java.io.UncheckedIOException;
import pelcro.exports.openapi.ExportsSpec;

/**
 * Compiles schemas of the spec with networknt's JSON Schema validator, in the OpenAPI 3.0 dialect,
 * with the whole spec document as their root so that every {@code $ref} to {@code
 * #/components/schemas/...} resolves.
 */
final class RequestSchemas {
  /** The name the spec document is known by to the validator; never fetched. */
  private static final String DOCUMENT = "urn:exports-sandbox:openapi/exports.yaml";

  private final JsonSchema document;

  RequestSchemas(ExportsSpec spec) {
    // The spec's x- extensions and the document's own fields (paths, info) are no schema
    // keywords: annotations, without the warning networknt logs for each unknown one.
    JsonMetaSchema dialect =
        JsonMetaSchema.builder(OpenApi30.getInstance())
            .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword))
            .build();
    JsonSchemaFactory factory =
        JsonSchemaFactory.builder()
            .metaSchema(dialect)
            .defaultMetaSchemaIri(dialect.getIri())
            .build();
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder().regularExpressionFactory(new EcmaScriptPatterns()).build();
    document = factory.getSchema(SchemaLocation.of(DOCUMENT), read(spec), config);
  }

  /**
   * The compiled schema at {@code ref}, a reference into the spec such as {@code
   * #/components/schemas/X}.
   */
  JsonSchema compile(String ref) {
    JsonSchema schema = document.getRefSchema(SchemaLocation.of(DOCUMENT + ref).getFragment());
    schema.initializeValidators();
    return schema;
  }

  // Integers are read as BigIntegers so that networknt compares bounds as decimals: against an
  // int bound it truncates a fraction first, and 2147483647.5 would pass maximum 2147483647.
  private static JsonNode read(ExportsSpec spec) {
    try {
      return new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
          .readTree(spec.json());
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
